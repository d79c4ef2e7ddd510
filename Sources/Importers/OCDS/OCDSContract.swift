import Foundation

/// One contract (`contracts[]`).
struct OCDSContract: Decodable, Sendable {
    var id: String?
    var awardID: String?
    var contractNumber: String?
    var title: String?
    var status: String?
    var statusDetails: String?
    var dateSigned: String?
    var period: OCDSPeriod?
    var value: OCDSValue?

    enum CodingKeys: String, CodingKey {
        case id, awardID, contractNumber, title, status, statusDetails, dateSigned, period, value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.lenientText(.id)
        awardID = try container.lenientText(.awardID)
        contractNumber = try container.lenientText(.contractNumber)
        title = try container.lenientText(.title)
        status = try container.optional(String.self, .status)
        statusDetails = try container.lenientText(.statusDetails)
        dateSigned = try container.optional(String.self, .dateSigned)
        period = try container.optional(OCDSPeriod.self, .period)
        value = try container.optional(OCDSValue.self, .value)
    }
}
