import Foundation

/// One contract (`contracts[]`).
struct OCDSContract: OCDSObject {
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

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        id = try fields.text(.id)
        awardID = try fields.text(.awardID)
        contractNumber = try fields.text(.contractNumber)
        title = try fields.text(.title)
        status = try fields.string(.status)
        statusDetails = try fields.text(.statusDetails)
        dateSigned = try fields.string(.dateSigned)
        period = try fields.object(OCDSPeriod.self, .period)
        value = try fields.object(OCDSValue.self, .value)
    }
}
