import Foundation
import Synchronization

/// An export's datasets in two lanes written at the same time, each lane in request order on a ledger connection of
/// its own, so neither waits for the other's reads.
///
/// On the benchmark national year `ejecucion` alone is half the work; it adds the year up by renglón and by
/// activity while it lists it (``ExecutionTotalsBatch``), so the tables that read those sums (the grouped execution
/// and `verificaciones`, through ``Ledger``'s memo on the lane's connection) follow it in its lane, with
/// `productos` and `compras_sin_vincular`. The other lane has `compras`, `adjudicaciones` with `proveedores` (whose
/// suppliers are added up while the awards are written, ``SupplierDirectoryBatch``), `vinculos` and the four
/// reconciliations (built from one read, ``ReconciliationBatch``); the two lanes then end within a few tenths of a
/// second of each other. `proveedores` and the reconciliations, which hold the most at once, share a lane; the
/// checks run beside the reconciliations, and the whole export stays under 128 MB (Scripts/PERFORMANCE.md).
///
/// The result is the sequential export's: each table writes its own files, each has its own privacy guard, merged in
/// request order (``PrivacyGuard/absorb(_:count:)``), and a failure is the first failing table's in request order.
/// A lane stops at its first failure and starts no table that comes after another lane's failure, so every table
/// before the first failure has run and succeeded, as in sequence. A table already under way when the other lane
/// fails at an earlier one is finished, not interrupted: only a failing export waits for it.
struct ExportLanes {
    /// What one table gave: its files and its guard's findings, taken on the lane's thread.
    struct Outcome: Sendable {
        var written: TableFileSink.Written?
        var findings: [PersonalDataFinding]
        var findingCount: Int
    }

    /// Where the lanes leave their outcomes and failures, by request position.
    private final class Board: Sendable {
        private struct State {
            var outcomes: [Int: Outcome] = [:]
            var failures: [Int: any Error] = [:]
        }
        private let state = Mutex(State())

        /// False once a table before `position` failed: the sequential export would never have reached it.
        func mayStart(_ position: Int) -> Bool {
            state.withLock { state in state.failures.keys.allSatisfy { $0 > position } }
        }

        func record(_ position: Int, _ result: Result<Outcome, any Error>) {
            state.withLock { state in
                switch result {
                case .success(let outcome): state.outcomes[position] = outcome
                case .failure(let error): state.failures[position] = error
                }
            }
        }

        /// Every table's outcome in request order, or the first failure's error.
        func outcomes() throws -> [Outcome] {
            try state.withLock { state in
                if let first = state.failures.keys.min(), let error = state.failures[first] { throw error }
                // Without a failure every table ran.
                return state.outcomes.sorted { $0.key < $1.key }.map(\.value)
            }
        }
    }

    /// The first lane: the execution listing and what reads its sums, then two small tables.
    static let executionLane: Set<Dataset> = [
        .ejecucion, .ejecucionPorGrupo, .ejecucionPorRenglon, .ejecucionPorActividad, .productos,
        .comprasSinVincular, .verificaciones,
    ]

    /// Request positions of each lane's tables, in request order.
    let lanes: [[Int]]

    /// The lanes of `datasets`, or nil when all of them fall in one lane (one table, or only one lane's tables): a
    /// second connection and thread would then only cost.
    init?(_ datasets: [Dataset]) {
        let first = datasets.indices.filter { Self.executionLane.contains(datasets[$0]) }
        let second = datasets.indices.filter { !Self.executionLane.contains(datasets[$0]) }
        guard !first.isEmpty, !second.isEmpty else { return nil }
        lanes = [first, second]
    }

    /// Writes every table: the first lane on this thread with `datasets`, the second on a thread of its own with
    /// `reader` (the same tables on another connection). Returns when both lanes have ended.
    /// - Returns: each table's outcome, in request order.
    /// - Throws: the error of the first table in request order that failed.
    func run(
        _ requested: [Dataset], writer: DatasetFileWriter, datasets: Datasets, reader: Datasets,
        allowedColumns: [String]
    ) throws -> [Outcome] {
        let board = Board()
        let done = DispatchSemaphore(value: 0)
        let second = lanes[1]
        let thread = Thread {
            Self.run(second, requested, writer: writer, datasets: reader, allowedColumns: allowedColumns, on: board)
            done.signal()
        }
        // The computed tables ran on the main thread before: the same stack, not a secondary thread's default.
        thread.stackSize = 8 << 20
        thread.start()
        Self.run(lanes[0], requested, writer: writer, datasets: datasets, allowedColumns: allowedColumns, on: board)
        done.wait()
        return try board.outcomes()
    }

    /// One lane: its tables in order until one fails or a table before the next failed in the other lane.
    private static func run(
        _ positions: [Int], _ requested: [Dataset], writer: DatasetFileWriter, datasets: Datasets,
        allowedColumns: [String], on board: Board
    ) {
        var shared = SharedReads(requested: positions.map { requested[$0] })
        for position in positions {
            guard board.mayStart(position) else { return }
            let privacy = PrivacyGuard(allowedColumns: allowedColumns)
            let result = Result {
                let written = try writer.write(
                    requested[position], datasets: datasets, shared: &shared, privacy: privacy,
                    changes: nil)
                return Outcome(written: written, findings: privacy.findings, findingCount: privacy.findingCount)
            }
            board.record(position, result)
            if case .failure = result { return }
        }
    }
}
