import Foundation

/// The OCDS `tender` section, with the fields the ledger keeps.
struct OCDSTender: OCDSObject {
    var id: String?
    var title: String?
    var description: String?
    var status: String?
    var statusDetails: String?
    var procurementMethod: String?
    var procurementMethodDetails: String?
    var mainProcurementCategory: String?
    var datePublished: String?
    var tenderPeriod: OCDSPeriod?
    var items: [OCDSItem]?
    var procuringEntity: OCDSOrganizationReference?

    enum CodingKeys: String, CodingKey {
        case id, title, description, status, statusDetails, procurementMethod, procurementMethodDetails
        case mainProcurementCategory, datePublished, tenderPeriod, items, procuringEntity
    }

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        id = try fields.text(.id)
        title = try fields.text(.title)
        description = try fields.text(.description)
        status = try fields.string(.status)
        statusDetails = try fields.text(.statusDetails)
        procurementMethod = try fields.string(.procurementMethod)
        procurementMethodDetails = try fields.text(.procurementMethodDetails)
        mainProcurementCategory = try fields.string(.mainProcurementCategory)
        datePublished = try fields.string(.datePublished)
        tenderPeriod = try fields.object(OCDSPeriod.self, .tenderPeriod)
        items = try fields.objects(OCDSItem.self, .items)
        procuringEntity = try fields.object(OCDSOrganizationReference.self, .procuringEntity)
    }
}
