import Domain
import Foundation
import GRDB

/// One bid received in a procurement (table `bid`); `amount` NULL means "not given", never zero.
struct ProcurementBidRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
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

    /// The cached `INSERT` used on the import's hot path (see `ProcurementSink.insertChildren`).
    static func insertStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(
            sql: """
                INSERT INTO bid (
                    procurement_id, bid_id, tenderer_scheme, tenderer_id, tenderer_name, amount, status, date
                ) VALUES (
                    ?, ?, ?, ?, ?, ?, ?, ?
                )
                """)
    }

    /// Binds the values of ``insertStatement(_:)``, in its column order.
    func bind(to statement: inout BoundStatement) {
        statement.bind(procurementID)
        statement.bind(bidID)
        statement.bind(tendererScheme)
        statement.bind(tendererID)
        statement.bind(tendererName)
        statement.bind(amount)
        statement.bind(status)
        statement.bind(date)
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
