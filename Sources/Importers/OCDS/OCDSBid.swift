import Foundation

/// One bid (`bids.details[]`, OCDS bid extension).
struct OCDSBid: Decodable, Sendable {
    var id: String?
    var date: String?
    var status: String?
    var value: OCDSValue?
    var tenderers: [OCDSOrganizationReference]?

    enum CodingKeys: String, CodingKey { case id, date, status, value, tenderers }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.lenientText(.id)
        date = try container.optional(String.self, .date)
        status = try container.optional(String.self, .status)
        value = try container.optional(OCDSValue.self, .value)
        tenderers = try container.optional([OCDSOrganizationReference].self, .tenderers)
    }
}

/// The `bids` section: its `details` list.
struct OCDSBids: Decodable, Sendable {
    var details: [OCDSBid]?
}
