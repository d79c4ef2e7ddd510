import Domain
import Foundation
import GRDB

/// One award of a procurement to one supplier (table `award`); `amount` NULL means "not given".
struct AwardRecord: ProcurementChildRow, Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var procurementID: Int64
    var awardID: String?
    var supplierScheme: String?
    var supplierID: String
    var supplierName: String
    var amount: Int64?
    var status: String?
    var statusDetails: String?
    var date: String?

    static let databaseTableName = "award"

    enum CodingKeys: String, CodingKey {
        case id, amount, status, date
        case procurementID = "procurement_id"
        case awardID = "award_id"
        case supplierScheme = "supplier_scheme"
        case supplierID = "supplier_id"
        case supplierName = "supplier_name"
        case statusDetails = "status_details"
    }

    enum Columns {
        static let procurementID = Column(CodingKeys.procurementID)
        static let supplierID = Column(CodingKeys.supplierID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The columns an import inserts, in the order ``bind(to:procurementID:texts:)`` binds them.
    static let insertColumns = [
        "procurement_id", "award_id", "supplier_scheme", "supplier_id", "supplier_name", "amount", "status",
        "status_details", "date",
    ]

    /// Binds this row's values after those already bound, under `procurementID`, its texts kept in `texts`.
    func bind(to statement: inout BoundStatement, procurementID: Int64, texts: BoundTextArena) {
        statement.bind(procurementID)
        statement.bind(awardID, keptIn: texts)
        statement.bind(supplierScheme, keptIn: texts)
        statement.bind(supplierID, keptIn: texts)
        statement.bind(supplierName, keptIn: texts)
        statement.bind(amount)
        statement.bind(status, keptIn: texts)
        statement.bind(statusDetails, keptIn: texts)
        statement.bind(date, keptIn: texts)
    }

    init(_ award: Award, procurementID: Int64) {
        self.procurementID = procurementID
        self.awardID = award.id
        self.supplierScheme = award.supplier.scheme?.rawValue
        self.supplierID = award.supplier.identifier
        self.supplierName = award.supplier.name
        self.amount = award.amount?.centavos
        self.status = award.status
        self.statusDetails = award.statusDetails
        self.date = ProcurementColumnDate.text(award.date)
    }

    var award: Award {
        Award(
            id: awardID,
            supplier: Supplier(
                scheme: supplierScheme.flatMap(PartyScheme.init(rawValue:)), identifier: supplierID, name: supplierName),
            amount: amount.map(Money.init(centavos:)), status: status, statusDetails: statusDetails,
            date: ProcurementColumnDate.date(date))
    }
}
