import Domain
import Foundation
import GRDB

/// One award of a procurement to one supplier (table `award`); `amount` NULL means "not given".
struct AwardRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
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

    /// The cached `INSERT` used on the import's hot path (see `ProcurementSink.insertChildren`).
    static func insertStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(
            sql: """
                INSERT INTO award (
                    procurement_id, award_id, supplier_scheme, supplier_id, supplier_name, amount, status,
                    status_details, date
                ) VALUES (
                    ?, ?, ?, ?, ?, ?, ?, ?, ?
                )
                """)
    }

    /// Binds the values of ``insertStatement(_:)``, in its column order.
    func bind(to statement: inout BoundStatement) {
        statement.bind(procurementID)
        statement.bind(awardID)
        statement.bind(supplierScheme)
        statement.bind(supplierID)
        statement.bind(supplierName)
        statement.bind(amount)
        statement.bind(status)
        statement.bind(statusDetails)
        statement.bind(date)
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
