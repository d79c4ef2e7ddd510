import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// End-to-end runs of `transparencia import compras` and `import nog-html` on the samples and on hostile files.
struct ImportComprasCLITests {
    static let samples = BinaryRunner.samples.appendingPathComponent("compras")
    static let hostileWorkbooks = BinaryRunner.root.appendingPathComponent("Tests/ImportersTests/Fixtures/xlsx")

    private func run(_ arguments: [String], in directory: TemporaryDirectory) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: directory.url)
    }

    private func freshLedger() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let result = try run(["init", "--db", "libro.sqlite"], in: directory)
        #expect(result.status == 0)
        return directory
    }

    private func ledgerState(_ directory: TemporaryDirectory) throws -> (runs: Int, procurements: Int) {
        let ledger = try Ledger.open(path: directory.file("libro.sqlite").path)
        return (try ledger.importRuns().count, try ledger.procurementCount())
    }

    @Test("the samples import end to end; a re-import changes nothing and --dry-run writes nothing")
    func samples() throws {
        let directory = try freshLedger()
        let csv = try run(
            [
                "import", "compras", "--db", "libro.sqlite",
                Self.samples.appendingPathComponent("compras-sosep-2022.csv").path,
            ], in: directory)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stderr.contains("Latin-1/Windows-1252, separador punto y coma"))
        #expect(csv.stderr.contains("fechas leídas como día/mes/año"))
        #expect(csv.stderr.contains("filas leídas 38 · aceptadas 38 · rechazadas 0 · valores reparados 1"))
        #expect(csv.stderr.contains("36 nuevo(s)"))
        let again = try run(
            [
                "import", "compras", "--db", "libro.sqlite",
                Self.samples.appendingPathComponent("compras-sosep-2022.csv").path,
            ], in: directory)
        #expect(again.stderr.contains("ya importado en la corrida"))
        let dry = try run(
            [
                "import", "compras", "--dry-run", "--db", "libro.sqlite",
                Self.samples.appendingPathComponent("compras-sosep-2022.xlsx").path,
            ], in: directory)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stderr.contains("simulación"))
        #expect(try ledgerState(directory) == (1, 36))
        let pages = try run(
            ["import", "nog-html", "--db", "libro.sqlite"]
                + ["nog-17471637.html", "nog-16740804.html"].map {
                    Self.samples.appendingPathComponent($0).path
                }, in: directory)
        #expect(pages.status == 0, "\(pages.stderr)")
        #expect(pages.stderr.contains("2 adjudicación(es), 5 oferta(s)"))
        #expect(try ledgerState(directory) == (3, 36))
    }

    @Test(
        "hostile workbooks exit 2 with a Spanish error naming the file, and leave the ledger unchanged",
        arguments: [
            "no-es-zip", "ruta-escapa", "bomba-declarada", "bomba-mentirosa", "xxe", "billion-laughs", "anidamiento",
            "celda-enorme",
        ])
    func hostileWorkbooks(name: String) throws {
        let directory = try freshLedger()
        let path = Self.hostileWorkbooks.appendingPathComponent("\(name).xlsx").path
        let result = try run(["import", "compras", "--db", "libro.sqlite", path], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: \(name).xlsx"), "\(result.stderr)")
        #expect(result.stderr.contains("no se importó nada"))
        #expect(try ledgerState(directory) == (0, 0))
    }

    @Test(
        "hostile text and pages exit 2 naming file and line, and leave the ledger unchanged",
        arguments: [
            ("compras", "nul.csv", "NOG;MONTO\n1;2\n3;\u{0}\n", "nul.csv:3"),
            (
                "compras", "campo.csv", "NOG;DESCRIPCION\n1;" + String(repeating: "A", count: 2 << 20) + "\n",
                "campo.csv:2"
            ),
            ("nog-html", "portada.html", "<html><body><p>-NOG- 6982840</p></body></html>", "portada.html"),
            ("nog-html", "hondo.html", String(repeating: "<div>", count: 5000), "hondo.html:"),
            ("nog-html", "binario.html", "<html>\u{0}</html>", "binario.html:1"),
        ])
    func hostileText(command: String, file: String, content: String, location: String) throws {
        let directory = try freshLedger()
        try directory.write(file, text: content)
        let result = try run(["import", command, "--db", "libro.sqlite", file], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: \(location)"), "\(result.stderr)")
        #expect(try ledgerState(directory) == (0, 0))
    }

    @Test("rows with errors block the file unless --allow-rejects, which stores the good rows and the rejects")
    func allowRejects() throws {
        let directory = try freshLedger()
        try directory.write("mixto.csv", text: "NOG CONCURSO;MONTO;NIT;NOMBRE\n100;1.00;1;A\n200;doce;2;B\n")
        let blocked = try run(["import", "compras", "--db", "libro.sqlite", "mixto.csv"], in: directory)
        #expect(blocked.status == 2)
        #expect(blocked.stderr.contains("mixto.csv:3: campo «MONTO»: error:"))
        #expect(try ledgerState(directory) == (0, 0))
        let allowed = try run(
            ["import", "compras", "--allow-rejects", "--db", "libro.sqlite", "mixto.csv"], in: directory)
        #expect(allowed.status == 0)
        #expect(allowed.stderr.contains("filas leídas 2 · aceptadas 1 · rechazadas 1"))
        let ledger = try Ledger.open(path: directory.file("libro.sqlite").path)
        #expect(try ledger.procurementCount() == 1)
        #expect(try ledger.importRuns().first?.rowsRejected == 1)
    }

    @Test("import_run counts award rows, not NOGs, for a flat export with several suppliers per NOG")
    func rowCounts() throws {
        let directory = try freshLedger()
        try directory.write(
            "varios.csv", text: "NOG CONCURSO;MONTO;NIT;NOMBRE\n100;1.00;1;A\n100;2.00;2;B\n300;3.00;3;C\n")
        #expect(try run(["import", "compras", "--db", "libro.sqlite", "varios.csv"], in: directory).status == 0)
        let run = try #require(try Ledger.open(path: directory.file("libro.sqlite").path).importRuns().last)
        #expect((run.rowsRead, run.rowsAccepted, run.rowsRejected) == (3, 3, 0))
    }

    @Test("lines of one NOG far apart in the file (100, 200, 100) are stored as one procurement with both awards")
    func nonContiguousNOG() throws {
        let directory = try freshLedger()
        try directory.write(
            "salteado.csv",
            text: "NOG CONCURSO;MONTO;NIT;NOMBRE\n100;1.00;1234567;A\n200;2.00;2;B\n100;3.00;7654321;C\n")
        let result = try run(["import", "compras", "--db", "libro.sqlite", "salteado.csv"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 nuevo(s)"))
        let ledger = try Ledger.open(path: directory.file("libro.sqlite").path)
        let procurement = try #require(try ledger.procurement(nog: "100"))
        #expect(procurement.awards.map(\.supplier.name) == ["A", "C"])
        #expect(procurement.awards.compactMap(\.amount?.centavos) == [100, 300])
        #expect(try ledger.procurementCount() == 2)
        let importRun = try #require(try ledger.importRuns().last)
        #expect((importRun.rowsRead, importRun.rowsAccepted) == (3, 3))
    }

    @Test("a re-import of a file with errors is still refused, as before it was read inside the import")
    func reimportOfRejectedFile() throws {
        let directory = try freshLedger()
        try directory.write("mixto.csv", text: "NOG CONCURSO;MONTO;NIT;NOMBRE\n100;1.00;1;A\n200;doce;2;B\n")
        #expect(
            try run(["import", "compras", "--allow-rejects", "--db", "libro.sqlite", "mixto.csv"], in: directory).status
                == 0)
        let again = try run(["import", "compras", "--db", "libro.sqlite", "mixto.csv"], in: directory)
        #expect(again.status == 2)
        #expect(again.stderr.contains("mixto.csv:3: campo «MONTO»: error:"), "\(again.stderr)")
        #expect(try ledgerState(directory) == (1, 1))
    }

    @Test("both commands explain themselves in Spanish with an example")
    func help() throws {
        let directory = try TemporaryDirectory()
        let compras = try run(["import", "compras", "--help"], in: directory)
        #expect(compras.stdout.contains("transparencia import compras Samples/compras/compras-sosep-2022.csv"))
        #expect(compras.stdout.contains("--date-order"))
        let pages = try run(["import", "nog-html", "--help"], in: directory)
        #expect(pages.stdout.contains("Ejemplos:"))
        #expect(pages.stdout.contains("oferentes no son proveedores"))
    }
}
