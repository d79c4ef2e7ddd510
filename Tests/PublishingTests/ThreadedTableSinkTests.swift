import Domain
import Foundation
import Publishing
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
