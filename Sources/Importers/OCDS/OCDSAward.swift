import Foundation

/// One award (`awards[]`).
struct OCDSAward: OCDSObject {
    var id: String?
    var status: String?
    var statusDetails: String?
    var date: String?
    var value: OCDSValue?
    var suppliers: [OCDSOrganizationReference]?

    enum CodingKeys: String, CodingKey { case id, status, statusDetails, date, value, suppliers }

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        id = try fields.text(.id)
        status = try fields.string(.status)
        statusDetails = try fields.text(.statusDetails)
        date = try fields.string(.date)
        value = try fields.object(OCDSValue.self, .value)
        suppliers = try fields.objects(OCDSOrganizationReference.self, .suppliers)
    }
}
