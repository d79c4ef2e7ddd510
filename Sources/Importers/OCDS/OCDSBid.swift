import Foundation

/// One bid (`bids.details[]`, OCDS bid extension).
struct OCDSBid: OCDSObject {
    var id: String?
    var date: String?
    var status: String?
    var value: OCDSValue?
    var tenderers: [OCDSOrganizationReference]?

    enum CodingKeys: String, CodingKey { case id, date, status, value, tenderers }

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        id = try fields.text(.id)
        date = try fields.string(.date)
        status = try fields.string(.status)
        value = try fields.object(OCDSValue.self, .value)
        tenderers = try fields.objects(OCDSOrganizationReference.self, .tenderers)
    }
}

/// The `bids` section: its `details` list.
struct OCDSBids: OCDSObject {
    var details: [OCDSBid]?

    enum CodingKeys: String, CodingKey { case details }

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        details = try fields.objects(OCDSBid.self, .details)
    }
}
