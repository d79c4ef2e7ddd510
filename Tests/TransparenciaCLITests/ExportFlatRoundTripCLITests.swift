import Foundation
import TestSupport
import Testing

/// The exported procurement tables read back with `import compras`: the same rows.
struct ExportFlatRoundTripCLITests {
    @Test("exported compras and adjudicaciones import back with `import compras` into the same rows")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        try directory.write(
            "perfil.toml",
            text: """
                [laip]
                columnas_personales_permitidas = [
                    "adjudicaciones.adjudicacion_id", "adjudicaciones.nit_proveedor", "adjudicaciones.nombre_proveedor",
                ]
                """)
        let sample = BinaryRunner.samples.appendingPathComponent("compras/compras-sosep-2022.csv").path
        #expect(try runner.run(["init", "--db", "a.sqlite"]).status == 0)
        #expect(try runner.run(["import", "compras", "--db", "a.sqlite", "--quiet", sample]).status == 0)
        let tables = ["export", "--year", "2022", "--profile", "perfil.toml", "--tables", "compras,adjudicaciones"]
        let first = try runner.run(tables + ["--db", "a.sqlite", "--output", "a"])
        #expect(first.status == 0, "\(first.stderr)")

        #expect(try runner.run(["init", "--db", "b.sqlite"]).status == 0)
        let imported = try runner.run([
            "import", "compras", "--db", "b.sqlite", "a/compras.csv", "a/adjudicaciones.csv",
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("filas leídas 36 · aceptadas 36 · rechazadas 0"))
        let second = try runner.run(tables + ["--db", "b.sqlite", "--output", "b"])
        #expect(second.status == 0, "\(second.stderr)")
        for table in ["compras", "adjudicaciones"] {
            let original = try String(contentsOf: directory.file("a/\(table).csv"), encoding: .utf8)
            #expect(original.split(separator: "\r\n").count > 30, "\(table) has the sample's rows")
            #expect(try String(contentsOf: directory.file("b/\(table).csv"), encoding: .utf8) == original, "\(table)")
        }
    }
}
