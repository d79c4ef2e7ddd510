import GRDB
import GRDBSQLite

/// The `INSERT` statements of one table for 1, 2, 4 … ``maxRows`` rows, each prepared the first time it is needed.
///
/// A run of n rows is written with one statement per ``maxRows`` rows and one per bit of what is left (27 rows:
/// 16 + 8 + 2 + 1), so a batch of procurements takes a handful of statements per table instead of one per row.
/// The rows of one statement get consecutive ids in `VALUES` order: the tables' ids are `AUTOINCREMENT`, each one
/// more than the largest so far, and the import's transaction is the only writer.
///
/// `OR FAIL`: a plain `INSERT` of several rows keeps a statement journal, to undo its first rows should a later
/// one break a constraint, and that journal (every page the statement touched, copied before it changed) went to
/// a temporary file: more writes than the rows themselves. An import stops at any such error and its whole
/// transaction is rolled back, so the statement's own undo is not needed.
final class MultiRowInsert {
    /// Rows of the largest statement.
    static let maxRows = 64
    private let table: String
    private let columns: [String]
    /// Index k holds the statement for 2^k rows.
    private var statements: [Statement?]

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
        statements = Array(repeating: nil, count: Self.maxRows.trailingZeroBitCount + 1)
    }

    /// The inserts of a procurement's child rows.
    convenience init<Row: ProcurementChildRow>(_ row: Row.Type) {
        self.init(table: Row.databaseTableName, columns: Row.insertColumns)
    }

    /// The statement for `rows` rows, a power of two no larger than ``maxRows``.
    func statement(rows: Int, _ db: Database) throws -> Statement {
        precondition(rows > 0 && rows <= Self.maxRows && rows.nonzeroBitCount == 1)
        let slot = rows.trailingZeroBitCount
        if let statement = statements[slot] { return statement }
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let statement = try db.makeStatement(
            sql: "INSERT OR FAIL INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: row, count: rows).joined(separator: ", "))
        statements[slot] = statement
        return statement
    }

    /// The statement sizes that write `count` rows on this connection, largest first: at most ``maxRows`` rows,
    /// and no more than SQLite's limit of bound values allows (999 before SQLite 3.32, which 64 rows of 22
    /// columns pass).
    func sizes(for count: Int, _ db: Database) -> [Int] {
        let values = Int(sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_VARIABLE_NUMBER, -1))
        var largest = Self.maxRows
        while largest > 1 && largest * columns.count > values { largest /= 2 }
        return Self.sizes(for: count, largest: largest)
    }

    /// The statement sizes that write `count` rows with statements of at most `largest` rows (a power of two),
    /// largest first.
    static func sizes(for count: Int, largest: Int = maxRows) -> [Int] {
        var sizes = Array(repeating: largest, count: count / largest)
        var rest = count % largest
        while rest > 0 {
            let size = 1 << (Int.bitWidth - 1 - rest.leadingZeroBitCount)
            sizes.append(size)
            rest -= size
        }
        return sizes
    }
}
