import Foundation
import TestSupport
import Testing

/// Runs the built binary on the executed physical goals of SOSEP 2022, as a planning officer would.
@Suite(.serialized)
struct MetasEjecutadasEndToEndTests {
    private static var metasSample: String {
        BinaryRunner.samples.appendingPathComponent("metas/metas-sosep-2022.csv").path
    }
    private static var executedSample: String {
        BinaryRunner.samples.appendingPathComponent("metas/ejecucion-fisica-sosep-2022-08.csv").path
    }

    @Test("import metas takes the SIGES report to August; productos and the portal show planned vs executed")
    func importReportPublish() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        // Executed goals alone need their products first: nothing is imported and the codes are named.
        let early = try runner.run(["import", "metas", Self.executedSample])
        #expect(early.status != 0)
        #expect(early.stderr.contains("no están en el libro ni en el archivo: «P01» (2022)"), "\(early.stderr)")
        #expect(try runner.run(["import", "metas", Self.metasSample]).status == 0)
        let imported = try runner.run(["import", "metas", Self.executedSample])
        #expect(imported.status == 0, "\(imported.stderr)")

        let csv = try runner.run(["report", "productos", "--year", "2022", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first?.contains("meta_fisica,meta_ejecutada,corte,avance_fisico,presupuesto_vigente") == true)
        #expect(lines.contains { $0.contains(",P02,") && $0.contains(",17050,11200,2022-08,65.69,") })
        #expect(lines.contains { $0.contains(",P05-02,") && $0.contains(",100,64,2022-08,64.00,") })
        // A publication for April has no cut-off at or before April: the columns are empty.
        let april = try runner.run(["report", "productos", "--year", "2022", "--month", "4", "--format", "csv"])
        #expect(april.stdout.split(separator: "\r\n").contains { $0.contains(",P02,") && $0.contains(",17050,,,,") })

        let site = directory.url.appendingPathComponent("sitio")
        let published = try runner.run(["publish", "--year", "2022", "--output", site.path])
        #expect(published.status == 0, "\(published.stderr)")
        let numeral5 = try String(contentsOf: site.appendingPathComponent("numeral-5.html"), encoding: .utf8)
        #expect(numeral5.contains("% avance físico"))
        #expect(numeral5.contains("65.69"))
        #expect(numeral5.contains("11,200"))
    }

    @Test("a bad quantity stops the import with file, line and field, and nothing is kept")
    func badQuantity() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        #expect(try runner.run(["import", "metas", Self.metasSample]).status == 0)
        let file = try directory.write(
            "ejecucion.csv", text: "ejercicio;codigo;meta_ejecutada\n2022;P01;8\n2022;P02;once mil\n")
        let result = try runner.run(["import", "metas", "--month", "8", file.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("ejecucion.csv:3: campo «meta_ejecutada»"), "\(result.stderr)")
        let csv = try runner.run(["report", "productos", "--year", "2022", "--format", "csv"])
        #expect(!csv.stdout.contains(",2022-08,"))
    }
}
