import Foundation
import TestSupport
import Testing

/// Ctrl-C or SIGTERM during an import: it is cancelled, said so, and the ledger does not change.
@Suite(.serialized)
struct InterruptionTests {
    @Test(
        "an import interrupted with SIGINT or SIGTERM says so, exits 130 or 143, and leaves the ledger's bytes as they were",
        arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interrupted(signal: Int32, status: Int32) throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        var text = "NOG CONCURSO;NIT;NOMBRE;MONTO\n"
        text.reserveCapacity(20_000_000)
        for index in 0..<600_000 { text += "\(1_000_000 + index);\(100 + index % 97);PROVEEDOR \(index % 97);10.00\n" }
        try directory.write("grande.csv", text: text)
        let before = try Data(contentsOf: directory.file("transparencia.sqlite"))
        let running = try runner.start(["import", "compras", "grande.csv"])
        Thread.sleep(forTimeInterval: 1.5)
        #expect(running.process.isRunning, "the import must still be running when it is interrupted")
        kill(running.process.processIdentifier, signal)
        let result = running.wait()
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains("importación cancelada; el libro de datos no cambió"))
        #expect(try Data(contentsOf: directory.file("transparencia.sqlite")) == before)
        #expect(
            try runner.run(["report", "importaciones", "--format", "csv"]).stdout.split(separator: "\r\n").count == 1)
    }
}
