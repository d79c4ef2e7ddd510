import Domain
import Foundation
import GRDB

/// One bid received in a procurement (table `bid`); `amount` NULL means "not given", never zero.
struct ProcurementBidRecord: ProcurementChildRow, Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord
{
    var id: Int64?
    var procurementID: Int64
    var bidID: String?
    var tendererScheme: String?
    var tendererID: String
    var tendererName: String
    var amount: Int64?
    var status: String?
    var date: String?

    static let databaseTableName = "bid"

    enum CodingKeys: String, CodingKey {
        case id, amount, status, date
        case procurementID = "procurement_id"
        case bidID = "bid_id"
        case tendererScheme = "tenderer_scheme"
        case tendererID = "tenderer_id"
        case tendererName = "tenderer_name"
    }

    enum Columns {
        static let procurementID = Column(CodingKeys.procurementID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The columns an import inserts, in the order ``bind(to:procurementID:texts:)`` binds them.
    static let insertColumns = [
        "procurement_id", "bid_id", "tenderer_scheme", "tenderer_id", "tenderer_name", "amount", "status", "date",
    ]

    /// Binds this row's values after those already bound, under `procurementID`, its texts kept in `texts`.
    func bind(to statement: inout BoundStatement, procurementID: Int64, texts: BoundTextArena) {
        statement.bind(procurementID)
        statement.bind(bidID, keptIn: texts)
        statement.bind(tendererScheme, keptIn: texts)
        statement.bind(tendererID, keptIn: texts)
        statement.bind(tendererName, keptIn: texts)
        statement.bind(amount)
        statement.bind(status, keptIn: texts)
        statement.bind(date, keptIn: texts)
    }

    init(_ bid: ProcurementBid, procurementID: Int64) {
        self.procurementID = procurementID
        self.bidID = bid.id
        self.tendererScheme = bid.tenderer.scheme?.rawValue
        self.tendererID = bid.tenderer.identifier
        self.tendererName = bid.tenderer.name
        self.amount = bid.amount?.centavos
        self.status = bid.status
        self.date = ProcurementColumnDate.text(bid.date)
    }

    var bid: ProcurementBid {
        ProcurementBid(
            id: bidID,
            tenderer: Supplier(
                scheme: tendererScheme.flatMap(PartyScheme.init(rawValue:)), identifier: tendererID, name: tendererName),
            amount: amount.map(Money.init(centavos:)), status: status, date: ProcurementColumnDate.date(date))
    }
}
