import Domain
import Foundation
import GRDB

/// Writes one red-flag run inside the store's transaction, in the order its parts become known: a provisional run
/// row first, each indicator's evidence as soon as the indicator has run, under flag ids reserved for it, then the
/// flags, the indicators and the final run row once the whole run is known.
///
/// The evidence is most of a national run's rows: written while later indicators still run, it keeps the second
/// core busy at a time it would otherwise wait for the last ones. Flags get their display positions only at the end,
/// so their ids follow the order the indicators finished, not the display order; readers order by position.
struct RedFlagRunWriter {
    private let db: Database
    /// The ledger's path, for error messages.
    private let path: String
    private let toolVersion: String
    private let startedAt: Date
    private let runID: Int64
    /// The id reserved for the first flag raised; the next ones follow in the order they arrive.
    private let firstFlagID: Int64
    private var batches: [(indicator: Int, flags: [RedFlag])] = []
    private var reserved: Int64 = 0
    private let insertEvidence: FlagRawInsert

    init(_ db: Database, path: String, ejercicio: Int, toolVersion: String, startedAt: Date) throws {
        self.db = db
        self.path = path
        self.toolVersion = toolVersion
        self.startedAt = startedAt
        let empty = RedFlagRun(
            ejercicio: ejercicio, parametersHash: "", parametersText: "", indicators: [], flags: [], purchasesRead: 0)
        var provisional = RedFlagRunRecord(empty, toolVersion: toolVersion, startedAt: startedAt, finishedAt: startedAt)
        try provisional.insert(db)
        guard let runID = provisional.id else { throw LedgerError.database(path: path, cause: "red_flag_run sin id") }
        self.runID = runID
        // AUTOINCREMENT never hands out an id again, even one whose row was deleted: start past both.
        let used = try Int64.fetchOne(
            db,
            sql: """
                SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'red_flag'), 0),
                           COALESCE((SELECT MAX(id) FROM red_flag), 0))
                """)
        firstFlagID = (used ?? 0) + 1
        insertEvidence = try FlagRawInsert(db, sql: RedFlagEvidenceRecord.insertSQL)
    }

    /// Writes the evidence of one indicator's flags under the next reserved ids.
    mutating func add(indicator: Int, flags: [RedFlag]) throws {
        for flag in flags {
            let flagID = firstFlagID + reserved
            reserved += 1
            for index in flag.evidence.indices {
                try RedFlagEvidenceRecord.insert(
                    flag.evidence[index], flagID: flagID, position: index, with: insertEvidence)
            }
        }
        batches.append((indicator, flags))
    }

    /// Writes the flags with their display positions, the indicators' outcomes and the run's final row.
    /// - Throws: ``LedgerError/database(path:cause:)`` when the run does not hold exactly the flags received.
    mutating func finish(_ run: RedFlagRun, origins: [Int], finishedAt: Date) throws -> RedFlagRunRecord {
        let positions = try displayPositions(run, origins: origins)
        // Where each indicator's flags start among all those raised, indicators taken in the run's order.
        var start: [Int: Int] = [:]
        var offset = 0
        for batch in batches.sorted(by: { $0.indicator < $1.indicator }) {
            start[batch.indicator] = offset
            offset += batch.flags.count
        }
        let insertFlag = try FlagRawInsert(db, sql: RedFlagRecord.insertSQL)
        var flagID = firstFlagID
        for batch in batches {
            let first = start[batch.indicator] ?? 0
            for index in batch.flags.indices {
                // The row is the flag whose evidence went in under this id; the run must hold it at its position.
                let flag = batch.flags[index]
                let position = positions[first + index]
                guard Self.same(flag, run.flags[position]) else { throw mismatch(run) }
                try RedFlagRecord.insert(flag, id: flagID, runID: runID, position: position, with: insertFlag)
                flagID += 1
            }
        }
        for outcome in run.indicators {
            try RedFlagRunIndicatorRecord(outcome, runID: runID).insert(db)
        }
        var record = RedFlagRunRecord(run, toolVersion: toolVersion, startedAt: startedAt, finishedAt: finishedAt)
        record.id = runID
        try record.update(db)
        return record
    }

    /// For each flag raised, in the order of `origins`' places, its position in `run.flags`.
    private func displayPositions(_ run: RedFlagRun, origins: [Int]) throws -> [Int] {
        let count = run.flags.count
        var positions = [Int](repeating: -1, count: count)
        var consistent =
            origins.count == count && Int(reserved) == count
            && Set(batches.map(\.indicator)).count == batches.count
        if consistent {
            for (position, origin) in origins.enumerated() {
                guard origin >= 0, origin < count, positions[origin] < 0 else {
                    consistent = false
                    break
                }
                positions[origin] = position
            }
        }
        guard consistent else { throw mismatch(run) }
        return positions
    }

    /// Cheap identity of a flag received and the run's flag at its position (comparing whole flags with their
    /// evidence would cost a tenth of the store).
    private static func same(_ received: RedFlag, _ placed: RedFlag) -> Bool {
        received.indicatorID == placed.indicatorID && received.subject.id == placed.subject.id
            && received.severity == placed.severity && received.amount == placed.amount
            && received.evidence.count == placed.evidence.count
    }

    private func mismatch(_ run: RedFlagRun) -> LedgerError {
        .database(
            path: path,
            cause: "la corrida de banderas no coincide con las \(reserved) banderas recibidas "
                + "(\(run.flags.count) en la corrida)")
    }
}
