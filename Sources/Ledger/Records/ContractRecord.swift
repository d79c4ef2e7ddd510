import Domain
import Foundation
import GRDB

/// One contract of a procurement (table `contract`).
struct ContractRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var procurementID: Int64
    var contractID: String?
    var awardID: String?
    var contractNumber: String?
    var title: String?
    var status: String?
    var statusDetails: String?
    var dateSigned: String?
    var amount: Int64?
    var periodStart: String?
    var periodEnd: String?

    static let databaseTableName = "contract"

    enum CodingKeys: String, CodingKey {
        case id, title, status, amount
        case procurementID = "procurement_id"
        case contractID = "contract_id"
        case awardID = "award_id"
        case contractNumber = "contract_number"
        case statusDetails = "status_details"
        case dateSigned = "date_signed"
        case periodStart = "period_start"
        case periodEnd = "period_end"
    }

    enum Columns {
        static let procurementID = Column(CodingKeys.procurementID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The cached `INSERT` used on the import's hot path (see `ProcurementSink.insertChildren`).
    static func insertStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(
            sql: """
                INSERT INTO contract (
                    procurement_id, contract_id, award_id, contract_number, title, status, status_details, date_signed,
                    amount, period_start, period_end
                ) VALUES (
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                )
                """)
    }

    /// Binds the values of ``insertStatement(_:)``, in its column order.
    func bind(to statement: inout BoundStatement) {
        statement.bind(procurementID)
        statement.bind(contractID)
        statement.bind(awardID)
        statement.bind(contractNumber)
        statement.bind(title)
        statement.bind(status)
        statement.bind(statusDetails)
        statement.bind(dateSigned)
        statement.bind(amount)
        statement.bind(periodStart)
        statement.bind(periodEnd)
    }

    init(_ contract: Contract, procurementID: Int64) {
        self.procurementID = procurementID
        self.contractID = contract.id
        self.awardID = contract.awardID
        self.contractNumber = contract.contractNumber
        self.title = contract.title
        self.status = contract.status
        self.statusDetails = contract.statusDetails
        self.dateSigned = ProcurementColumnDate.text(contract.dateSigned)
        self.amount = contract.amount?.centavos
        self.periodStart = ProcurementColumnDate.text(contract.periodStart)
        self.periodEnd = ProcurementColumnDate.text(contract.periodEnd)
    }

    var contract: Contract {
        Contract(
            id: contractID, awardID: awardID, contractNumber: contractNumber, title: title, status: status,
            statusDetails: statusDetails, dateSigned: ProcurementColumnDate.date(dateSigned),
            amount: amount.map(Money.init(centavos:)), periodStart: ProcurementColumnDate.date(periodStart),
            periodEnd: ProcurementColumnDate.date(periodEnd))
    }
}
