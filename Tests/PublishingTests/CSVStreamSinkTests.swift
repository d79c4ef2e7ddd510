import Domain
import Foundation
import Publishing
import TestSupport
import Testing

/// A streamed CSV report writes the bytes the whole-table writer renders, and says why a table is empty.
struct CSVStreamSinkTests {
    static let columns = [DataColumn("nog", .string, "NOG"), DataColumn("monto", .number, "Monto")]

    @Test("streaming a table writes the same bytes as rendering it whole, over several flushes")
    func sameBytes() throws {
        // Given a table large enough to be flushed many times, with text that needs quoting
        let rows = (0..<20_000).map { index -> [Cell] in
            [.text("NOG \(index), \"lote\"\nb"), .money(Money(centavos: Int64(index) * 101))]
        }
        let table = DataTable(name: "compras", title: "Compras", columns: Self.columns, rows: rows)
        let directory = try TemporaryDirectory()
        let url = directory.file("compras.csv")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        // When it streams through the sink
        let sink = CSVStreamSink(handle: handle)
        try table.replay(into: sink)
        try handle.close()
        // Then the file holds what the whole-table writer renders
        #expect(try Data(contentsOf: url) == Data(CSVTableWriter.render(table).utf8))
        #expect(sink.rows == 20_000)
    }

    @Test("an empty table streams its header and keeps the reason it is empty")
    func emptyTable() throws {
        let table = DataTable(name: "compras", title: "Compras", columns: Self.columns, emptyReason: "sin datos")
        let directory = try TemporaryDirectory()
        let url = directory.file("vacia.csv")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        let sink = CSVStreamSink(handle: handle)
        try table.replay(into: sink)
        try handle.close()
        #expect(String(decoding: try Data(contentsOf: url), as: UTF8.self) == "nog,monto\r\n")
        #expect(sink.footing?.emptyReason == "sin datos")
    }
}
