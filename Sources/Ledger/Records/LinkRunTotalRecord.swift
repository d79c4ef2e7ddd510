import GRDB

/// A year's totals for one method after a linking pass (table `link_run_total`); unlinked purchases are the
/// method `sin_vincular`, with no links.
struct LinkRunTotalRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    var linkRunID: Int64
    var method: String
    var purchases: Int
    var links: Int
    /// Centavos.
    var amount: Int64

    static let databaseTableName = "link_run_total"

    enum CodingKeys: String, CodingKey {
        case method, purchases, links, amount
        case linkRunID = "link_run_id"
    }

    // MARK: - Database

    enum Columns {
        static let linkRunID = Column(CodingKeys.linkRunID)
    }

    /// The `method` of unlinked purchases.
    static let unlinkedMethod = "sin_vincular"
}
