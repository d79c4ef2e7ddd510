import Domain
import Foundation
import GRDB

/// What one indicator did in a run (table `red_flag_run_indicator`).
struct RedFlagRunIndicatorRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    var redFlagRunID: Int64
    var indicatorID: String
    var flags: Int
    var evaluated: Int
    /// Coverage notes, one per line.
    var notes: String
    /// The indicator's Spanish name and explanation when it ran (nil in runs stored before they were kept).
    var nameES: String?
    var explanation: String?

    static let databaseTableName = "red_flag_run_indicator"

    enum CodingKeys: String, CodingKey {
        case flags, evaluated, notes
        case redFlagRunID = "red_flag_run_id"
        case indicatorID = "indicator_id"
        case nameES = "name_es"
        case explanation
    }

    // MARK: - Database

    enum Columns {
        static let redFlagRunID = Column(CodingKeys.redFlagRunID)
    }

    init(_ outcome: RedFlagRun.IndicatorOutcome, runID: Int64) {
        self.redFlagRunID = runID
        self.indicatorID = outcome.info.id
        self.flags = outcome.flagCount
        self.evaluated = outcome.evaluated
        self.notes = outcome.notes.joined(separator: "\n")
        self.nameES = outcome.info.nameES
        self.explanation = outcome.info.explanation
    }
}
