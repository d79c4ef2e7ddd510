import Domain
import Foundation
import Ledger
import Publishing
import TestSupport
import Testing

/// Rows handed to a writing thread arrive whole and in order, and the writer's errors reach the caller.
struct ThreadedTableSinkTests {
    static let heading = TableHeading(
        name: "compras", title: "Compras", columns: [DataColumn("nog"), DataColumn("monto", .number)])

    static func row(_ index: Int) -> [Cell] {
        [.text(String(index)), .money(Money(centavos: Int64(index) * 37))]
    }

    @Test("the wrapped sink receives the heading, every row in order and the footing", arguments: [1, 7, 256])
    func forwardsInOrder(batchSize: Int) throws {
        let collector = TableCollector()
        let sink = ThreadedTableSink(collector, batchSize: batchSize)
        try sink.begin(Self.heading)
        for index in 0..<10_001 { try sink.write(Self.row(index)) }
        try sink.finish(TableFooting(notes: ["nota"]))
        #expect(collector.table.name == "compras")
        #expect(collector.table.rows == (0..<10_001).map(Self.row))
        #expect(collector.table.notes == ["nota"])
    }

    @Test("an error of the writing thread stops the table and reaches the caller")
    func writerErrorReachesCaller() throws {
        let failing = FailingSink(failAt: 1_000)
        let sink = ThreadedTableSink(failing, batchSize: 10)
        try sink.begin(Self.heading)
        #expect(throws: FailingSink.Failure.self) {
            for index in 0..<100_000 { try sink.write(Self.row(index)) }
            try sink.finish(TableFooting())
        }
        // The writer stopped at the failing row: nothing after it was written, and the table never finished.
        #expect(failing.written == 999)
        #expect(!failing.finished)
    }
}

extension ThreadedTableSinkTests {
    @Test("a table abandoned while being built: nothing is written after abandon returns")
    func abandonStopsWriting() throws {
        let counting = FailingSink(failAt: .max)
        let sink = ThreadedTableSink(counting, batchSize: 1)
        try sink.begin(Self.heading)
        for index in 0..<5_000 { try sink.write(Self.row(index)) }
        try sink.abandon()
        let written = counting.written
        Thread.sleep(forTimeInterval: 0.05)
        #expect(counting.written == written)
        #expect(!counting.finished)
        // Nothing more reaches the wrapped sink, and the table cannot be finished as if it were whole.
        try sink.write(Self.row(0))
        #expect(counting.written == written)
    }

    @Test("the writer's error comes first: abandon throws it, and so does every later call")
    func abandonRethrowsWriterError() throws {
        let failing = FailingSink(failAt: 3)
        let sink = ThreadedTableSink(failing, batchSize: 1)
        try sink.begin(Self.heading)
        for index in 0..<2 { try sink.write(Self.row(index)) }
        try? sink.write(Self.row(2))
        // Give the writer time to reach the failing row, as a slow table would.
        Thread.sleep(forTimeInterval: 0.05)
        #expect(throws: FailingSink.Failure.self) { try sink.abandon() }
        #expect(throws: FailingSink.Failure.self) { try sink.finish(TableFooting()) }
        #expect(failing.written == 2)
    }
}

extension ThreadedTableSinkTests {
    @Test("an export whose table fails halfway publishes nothing and leaves no staging folder")
    func failedTableLeavesNothing() throws {
        // Given a year whose second budget line has no monthly breakdown, exported for one month
        let ledger = try Ledger.inMemory()
        var lines = ExportFixture.budgetLines()
        lines[1].amounts.devengadoMensual = [:]
        _ = try ledger.importExecution(
            ExecutionSnapshot(cutoff: ExecutionCutoff(ejercicio: 2022, mes: 12), lines: lines),
            source: ImportSource(sourceKind: "ejecucion", fileName: "e.csv", sha256: "e", bytes: 1),
            toolVersion: "prueba", rowsRead: 2)
        let directory = try TemporaryDirectory()
        let request = ExportRequest(
            datasets: [.ejecucion], scope: DatasetScope(year: 2022, month: 4, profile: ExportFixture.allowingPersons),
            directory: directory.url, format: .abierto, jsonLines: false, since: nil, created: ExportFixture.created,
            toolVersion: "prueba", dryRun: false)
        // When the table fails after its first row was handed to the writer
        #expect(throws: PublishingError.self) {
            try DatasetExporter(datasets: Datasets(ledger: ledger)).run(request)
        }
        // Then the folder is as it was: the writer had stopped before the staging was discarded
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    }
}

/// Throws at its `failAt`-th row.
final class FailingSink: TableSink, @unchecked Sendable {
    struct Failure: Error {}

    let failAt: Int
    private(set) var written = 0
    private(set) var finished = false

    init(failAt: Int) { self.failAt = failAt }

    func begin(_ heading: TableHeading) throws {}

    func write(_ row: [Cell]) throws {
        guard written + 1 < failAt else { throw Failure() }
        written += 1
    }

    func finish(_ footing: TableFooting) throws { finished = true }
}
