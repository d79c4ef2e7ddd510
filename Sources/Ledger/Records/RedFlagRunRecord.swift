import Domain
import Foundation
import GRDB

/// One `banderas` run (table `red_flag_run`): the year, the indicators, and the parameters with their hash.
public struct RedFlagRunRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var ejercicio: Int
    /// The indicator ids run, comma-separated (`TR01,TR02`).
    public var indicatorIDs: String
    /// Lowercase hex SHA-256 of ``parameters``.
    public var parametersHash: String
    /// The canonical parameters text (one `clave = valor` per line).
    public var parameters: String
    public var toolVersion: String
    public var startedAt: Date
    public var finishedAt: Date
    public var purchasesRead: Int
    public var flags: Int
    /// The run's notes, one per line.
    public var notes: String

    public static let databaseTableName = "red_flag_run"

    enum CodingKeys: String, CodingKey {
        case id, ejercicio, parameters, flags, notes
        case indicatorIDs = "indicator_ids"
        case parametersHash = "parameters_hash"
        case toolVersion = "tool_version"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case purchasesRead = "purchases_read"
    }

    // MARK: - Database

    /// Columns used in queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let ejercicio = Column(CodingKeys.ejercicio)
        public static let parametersHash = Column(CodingKeys.parametersHash)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ run: RedFlagRun, toolVersion: String, startedAt: Date, finishedAt: Date) {
        self.ejercicio = run.ejercicio
        self.indicatorIDs = run.indicators.map(\.info.id).joined(separator: ",")
        self.parametersHash = run.parametersHash
        self.parameters = run.parametersText
        self.toolVersion = toolVersion
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.purchasesRead = run.purchasesRead
        self.flags = run.flags.count
        self.notes = run.notes.joined(separator: "\n")
    }
}
