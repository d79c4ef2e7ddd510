import Domain
import Foundation
import GRDB

/// One flag of a run (table `red_flag`); its evidence rows live in `red_flag_evidence`.
struct RedFlagRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var redFlagRunID: Int64
    /// Order within the run.
    var position: Int
    var indicatorID: String
    var severity: String
    var subjectKind: String
    var subjectID: String
    var subjectLabel: String
    var ejercicio: Int
    var value: String?
    var amount: Int64?
    var detail: String

    static let databaseTableName = "red_flag"

    enum CodingKeys: String, CodingKey {
        case id, position, severity, ejercicio, value, amount, detail
        case redFlagRunID = "red_flag_run_id"
        case indicatorID = "indicator_id"
        case subjectKind = "subject_kind"
        case subjectID = "subject_id"
        case subjectLabel = "subject_label"
    }

    // MARK: - Database

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let redFlagRunID = Column(CodingKeys.redFlagRunID)
        static let position = Column(CodingKeys.position)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The `INSERT` used when a run stores thousands of flags (``insert(_:id:runID:position:with:)``), with the id
    /// the run reserved for the flag (its evidence may be written before it).
    static let insertSQL = """
        INSERT INTO red_flag (
            id, red_flag_run_id, position, indicator_id, severity, subject_kind, subject_id, subject_label,
            ejercicio, value, amount, detail
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Binds a flag's columns in ``insertSQL``'s order and inserts it.
    static func insert(
        _ flag: RedFlag, id: Int64, runID: Int64, position: Int, with statement: FlagRawInsert
    ) throws {
        statement.int(id)
        statement.int(runID)
        statement.int(Int64(position))
        statement.text(flag.indicatorID)
        statement.text(flag.severity.rawValue)
        statement.text(flag.subject.kind.rawValue)
        statement.text(flag.subject.id)
        statement.text(flag.subject.label)
        statement.int(Int64(flag.ejercicio))
        statement.text(flag.value)
        statement.int(flag.amount?.centavos)
        statement.text(flag.detail)
        try statement.insert()
    }

    /// The Domain value without its evidence (the caller adds it).
    var flag: RedFlag {
        RedFlag(
            indicatorID: indicatorID, severity: RedFlagSeverity(rawValue: severity) ?? .informativo,
            subject: RedFlagSubject(
                kind: RedFlagSubject.Kind(rawValue: subjectKind) ?? .grupo, id: subjectID, label: subjectLabel),
            ejercicio: ejercicio, value: value, amount: amount.map(Money.init(centavos:)), detail: detail)
    }
}
