import Foundation

/// The OCDS `tender` section, with the fields the ledger keeps.
struct OCDSTender: Decodable, Sendable {
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

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.lenientText(.id)
        title = try container.lenientText(.title)
        description = try container.lenientText(.description)
        status = try container.optional(String.self, .status)
        statusDetails = try container.lenientText(.statusDetails)
        procurementMethod = try container.optional(String.self, .procurementMethod)
        procurementMethodDetails = try container.lenientText(.procurementMethodDetails)
        mainProcurementCategory = try container.optional(String.self, .mainProcurementCategory)
        datePublished = try container.optional(String.self, .datePublished)
        tenderPeriod = try container.optional(OCDSPeriod.self, .tenderPeriod)
        items = try container.optional([OCDSItem].self, .items)
        procuringEntity = try container.optional(OCDSOrganizationReference.self, .procuringEntity)
    }
}
