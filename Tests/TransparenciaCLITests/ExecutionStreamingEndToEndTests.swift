import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// `import ejecucion` validates the whole file before writing any line.
@Suite(.serialized)
struct ExecutionStreamingEndToEndTests {
    @Test("a file whose last row breaks the totals writes nothing, even with --allow-rejects; fixed, it imports")
    func errorAtTheEndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        let detail = (0..<300).map { index in
            "2022,11130016,11,\(String(format: "%03d", index / 3)),\(["011", "029", "211"][index % 3]),100.00,100.00,50.00,40.00"
        }
        func file(totalVigente: String) -> String {
            (["ejercicio,entidad,programa,actividad,renglon,asignado,vigente,devengado,pagado"] + detail
                + ["TOTAL,,,,,30000.00,\(totalVigente),15000.00,12000.00"]).joined(separator: "\n")
        }
        _ = try directory.write("malo.csv", text: file(totalVigente: "30000.01"))
        for arguments in [
            ["import", "ejecucion", "malo.csv"], ["import", "ejecucion", "--allow-rejects", "malo.csv"],
        ] {
            let result = try runner.run(arguments)
            #expect(result.status == 2)
            #expect(
                result.stderr.contains("malo.csv:302: campo «vigente»: error: la fila «TOTAL» dice Q30,000.01"),
                "\(result.stderr)")
            #expect(result.stderr.contains("no se importó nada"))
        }
        func ledger() throws -> Ledger { try Ledger.open(path: directory.file("transparencia.sqlite").path) }
        #expect(try ledger().importRuns().isEmpty)
        #expect(try ledger().currentBudgetLines(ejercicio: 2022).isEmpty)

        _ = try directory.write("bueno.csv", text: file(totalVigente: "30000.00"))
        let good = try runner.run(["import", "ejecucion", "--month", "4", "bueno.csv"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stderr.contains("corte 2022-04"), "--month sets the cut-off month: \(good.stderr)")
        #expect(good.stderr.contains("líneas presupuestarias: 300 nuevo(s)"), "\(good.stderr)")
        #expect(good.stderr.contains("1 fila(s) de totales verificadas"))
        #expect(try ledger().currentBudgetLines(ejercicio: 2022).count == 300)
        #expect(try ledger().importRuns().count == 1)
    }
}
