import Foundation

/// An OCDS period (`tenderPeriod`, `contracts[].period`), dates kept as text until mapped.
struct OCDSPeriod: OCDSObject {
    var startDate: String?
    var endDate: String?

    enum CodingKeys: String, CodingKey { case startDate, endDate }

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        startDate = try fields.string(.startDate)
        endDate = try fields.string(.endDate)
    }
}
