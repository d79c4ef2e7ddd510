import Domain
import Foundation
import GRDB

/// A linking pass that changed the ledger (table `link_run`).
struct LinkRunRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var ejercicio: Int
    var startedAt: Date
    var finishedAt: Date
    var toolVersion: String
    /// `completa` or `incremental`.
    var mode: String
    /// Fingerprint of the pass's global inputs (rules, manual links, products, scope, algorithm).
    var inputsDigest: String
    /// The newest import run the pass saw.
    var importWatermark: Int64
    var linkRuleSetID: Int64?
    var examined: Int
    var written: Int
    var removed: Int

    static let databaseTableName = "link_run"

    enum CodingKeys: String, CodingKey {
        case id, ejercicio, mode, examined, written, removed
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case toolVersion = "tool_version"
        case inputsDigest = "inputs_digest"
        case importWatermark = "import_watermark"
        case linkRuleSetID = "link_rule_set_id"
    }

    // MARK: - Database

    enum Columns {
        static let ejercicio = Column(CodingKeys.ejercicio)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var run: LinkRun? {
        id.map {
            LinkRun(
                id: $0, ejercicio: ejercicio, startedAt: startedAt, finishedAt: finishedAt, toolVersion: toolVersion,
                mode: LinkRun.Mode(rawValue: mode) ?? .full, inputsDigest: inputsDigest,
                importWatermark: importWatermark,
                examined: examined, written: written, removed: removed)
        }
    }
}
