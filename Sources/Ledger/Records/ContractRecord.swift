import Domain
import Foundation
import GRDB

/// One contract of a procurement (table `contract`).
struct ContractRecord: ProcurementChildRow, Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
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

    /// The columns an import inserts, in the order ``bind(to:procurementID:texts:)`` binds them.
    static let insertColumns = [
        "procurement_id", "contract_id", "award_id", "contract_number", "title", "status", "status_details",
        "date_signed", "amount", "period_start", "period_end",
    ]

    /// Binds this row's values after those already bound, under `procurementID`, its texts kept in `texts`.
    func bind(to statement: inout BoundStatement, procurementID: Int64, texts: BoundTextArena) {
        statement.bind(procurementID)
        statement.bind(contractID, keptIn: texts)
        statement.bind(awardID, keptIn: texts)
        statement.bind(contractNumber, keptIn: texts)
        statement.bind(title, keptIn: texts)
        statement.bind(status, keptIn: texts)
        statement.bind(statusDetails, keptIn: texts)
        statement.bind(dateSigned, keptIn: texts)
        statement.bind(amount)
        statement.bind(periodStart, keptIn: texts)
        statement.bind(periodEnd, keptIn: texts)
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
