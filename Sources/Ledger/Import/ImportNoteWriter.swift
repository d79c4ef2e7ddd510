import Domain
import GRDB

/// Stores the diagnostics of one import (`import_diagnostic`) 64 to a statement, in the order they came.
///
/// A national OCDS package repairs a value in most records, and each repair is stored as a note: one `INSERT` per
/// note was more statements than the procurements themselves took once those were batched.
final class ImportNoteWriter {
    /// Notes per statement.
    static let batchSize = MultiRowInsert.maxRows

    private let db: Database
    private let importRunID: Int64
    private let texts = BoundTextArena()
    private let inserts = MultiRowInsert(
        table: "import_diagnostic", columns: ["import_run_id", "line", "field", "severity", "message"])
    private var pending: [Diagnostic] = []
    /// `INSERT` statements run so far.
    private(set) var statementsRun = 0

    init(db: Database, importRunID: Int64) {
        self.db = db
        self.importRunID = importRunID
    }

    /// Queues a diagnostic; writes the batch once it is full.
    func add(_ diagnostic: Diagnostic) throws {
        pending.append(diagnostic)
        if pending.count == Self.batchSize { try flush() }
    }

    /// Writes every queued diagnostic.
    func flush() throws {
        var start = 0
        defer { pending.removeAll(keepingCapacity: true) }
        for size in inserts.sizes(for: pending.count, db) {
            var statement = BoundStatement(try inserts.statement(rows: size, db), db: db)
            for diagnostic in pending[start..<(start + size)] {
                statement.bind(importRunID)
                statement.bind(diagnostic.line)
                statement.bind(diagnostic.field, keptIn: texts)
                statement.bind(diagnostic.severity.rawValue, keptIn: texts)
                statement.bind(diagnostic.message, keptIn: texts)
            }
            defer { texts.reset() }
            try statement.execute()
            statementsRun += 1
            start += size
        }
    }
}
