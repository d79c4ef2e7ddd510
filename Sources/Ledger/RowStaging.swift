import Foundation
import GRDB

/// A scratch area on disk where an import parks rows until every row of a group (a NOG) has been read.
///
/// Flat exports carry one row per award line and the lines of one NOG need not be adjacent, so a NOG can only
/// be assembled once the whole file is read. Keeping those rows in memory made a 67 MB export peak at half a
/// gigabyte; here they go to a private temporary SQLite database (deleted when closed) whose page cache is
/// capped, and come back grouped, one group at a time, in order of each group's first row.
public final class RowStaging {
    /// Rows read back per query: bounds memory while reading groups.
    static let pageSize = 2048
    private let queue: DatabaseQueue
    /// Rows staged so far.
    public private(set) var rowCount = 0

    /// Opens an empty staging area.
    /// - Throws: ``LedgerError/database(path:cause:)`` when SQLite cannot create it.
    public init() throws {
        do {
            var configuration = Configuration()
            // One transaction spans every append (a commit per row would be the slowest part of the import).
            configuration.allowsUnsafeTransactions = true
            configuration.prepareDatabase { db in
                // Scratch data: no journal, no fsync, and a small cache so memory stays flat whatever the file.
                try db.execute(
                    sql:
                        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -4096; PRAGMA temp_store = FILE"
                )
            }
            // An empty path is SQLite's private temporary on-disk database, removed when the connection closes.
            queue = try DatabaseQueue(path: "", configuration: configuration)
            try queue.inDatabase { db in
                try db.execute(
                    sql: """
                        CREATE TABLE staged_group (
                            grp TEXT PRIMARY KEY, first INTEGER NOT NULL, rejected INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
                        CREATE TABLE staged_row (
                            first INTEGER NOT NULL, seq INTEGER NOT NULL, grp TEXT NOT NULL, payload BLOB NOT NULL,
                            PRIMARY KEY (first, seq)) WITHOUT ROWID;
                        BEGIN;
                        """)
            }
        } catch {
            throw LedgerError.database(path: "(área temporal)", cause: "\(error)")
        }
    }

    /// Parks one row of `group`; `sequence` (the row's line) must grow from one call to the next.
    public func append(group: String, sequence: Int, payload: Data) throws {
        try queue.inDatabase { db in
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO staged_group (grp, first) VALUES (?, ?)")
                .execute(arguments: [group, sequence])
            try db.cachedStatement(
                sql: "INSERT INTO staged_row SELECT first, ?, grp, ? FROM staged_group WHERE grp = ?"
            )
            .execute(arguments: [sequence, payload, group])
        }
        rowCount += 1
    }

    /// Notes that `group` had a rejected row at `sequence` (the group need not have staged rows).
    public func markRejected(group: String, sequence: Int) throws {
        try queue.inDatabase { db in
            try db.cachedStatement(
                sql: "INSERT INTO staged_group (grp, first, rejected) VALUES (?, ?, 1) "
                    + "ON CONFLICT (grp) DO UPDATE SET rejected = 1"
            ).execute(arguments: [group, sequence])
        }
    }

    /// How many groups were staged.
    public func groupCount() throws -> Int {
        try queue.inDatabase { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staged_group") ?? 0 }
    }

    /// Hands each group's payloads to `body`, in the order they were appended, groups in order of their first row,
    /// with whether the group had a rejected row.
    ///
    /// Rows are read a page at a time and `body` runs outside the staging database, so it may write elsewhere.
    public func forEachGroup(_ body: (_ group: String, _ payloads: [Data], _ rejected: Bool) throws -> Void) throws {
        var after: (first: Int, seq: Int) = (Int.min, Int.min)
        var current: String?
        var currentRejected = false
        var payloads: [Data] = []
        while true {
            let page = try queue.inDatabase { db in
                try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT r.first, r.seq, r.grp, r.payload, g.rejected FROM staged_row r
                            JOIN staged_group g ON g.grp = r.grp
                            WHERE (r.first, r.seq) > (?, ?) ORDER BY r.first, r.seq LIMIT \(Self.pageSize)
                            """),
                    arguments: [after.first, after.seq])
            }
            for row in page {
                let group: String = row["grp"]
                if group != current {
                    if let current { try body(current, payloads, currentRejected) }
                    current = group
                    currentRejected = row["rejected"]
                    payloads.removeAll(keepingCapacity: true)
                }
                payloads.append(row["payload"])
                after = (row["first"], row["seq"])
            }
            if page.count < Self.pageSize { break }
        }
        if let current { try body(current, payloads, currentRejected) }
    }
}
