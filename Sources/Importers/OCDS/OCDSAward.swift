import Foundation

/// One award (`awards[]`).
struct OCDSAward: Decodable, Sendable {
    var id: String?
    var status: String?
    var statusDetails: String?
    var date: String?
    var value: OCDSValue?
    var suppliers: [OCDSOrganizationReference]?

    enum CodingKeys: String, CodingKey { case id, status, statusDetails, date, value, suppliers }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.lenientText(.id)
        status = try container.optional(String.self, .status)
        statusDetails = try container.lenientText(.statusDetails)
        date = try container.optional(String.self, .date)
        value = try container.optional(OCDSValue.self, .value)
        suppliers = try container.optional([OCDSOrganizationReference].self, .suppliers)
    }
}
