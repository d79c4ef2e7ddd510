import Foundation
import GRDB

/// A rules file given to `link --rules` (table `link_rule_set`); the newest is the one passes use.
struct LinkRuleSetRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var fileName: String
    var sha256: String
    var content: String
    var loadedAt: Date

    static let databaseTableName = "link_rule_set"

    enum CodingKeys: String, CodingKey {
        case id, sha256, content
        case fileName = "file_name"
        case loadedAt = "loaded_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
