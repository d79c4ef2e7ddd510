import Foundation
import TestSupport
import Testing

/// Runs the built binary on `Samples/` as a new user would.
@Suite(.serialized)
struct DemoEndToEndTests {
    @Test("demo imports the samples, reports 58,425 personas and Q178,061,100.00, and exports CSV and JSON")
    func demo() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        let result = try runner.run(["demo", "--samples", BinaryRunner.samples.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("58,425 Persona"))
        #expect(result.stdout.contains("Q178,061,100.00"))
        #expect(result.stdout.contains("[FALLA] resumen.porcentaje-total"))
        #expect(
            result.stdout.contains(
                "Libro, 2022: 36 compras vinculadas (21 por evidencia, 14 por regla, 1 manual); 0 sin vincular"))
        #expect(result.stdout.contains("Conciliación por producto") && result.stdout.contains("Conciliación por grupo"))
        #expect(result.stdout.contains("NOG 17121890 — SERVICIO DE ENERGÍA ELÉCTRICA"))
        #expect(result.stdout.contains("[ok] vinculos.participaciones"))
        #expect(FileManager.default.fileExists(atPath: directory.file("salida/conciliacion_por_producto.csv").path))
        let csv = try String(contentsOf: directory.file("salida/productos.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("ejercicio,mes,entidad,direccion_codigo,direccion,nivel,codigo"))
        #expect(csv.contains("102153732.00"))
        #expect(FileManager.default.fileExists(atPath: directory.file("salida/productos.json").path))
        // The LAIP portal: the index shows the year's vigente, the numerals and directorates have pages.
        let index = try String(contentsOf: directory.file("salida/sitio/index.html"), encoding: .utf8)
        #expect(index.contains("<dt>Presupuesto vigente</dt><dd>Q178,061,100.00</dd>"))
        for page in [
            "numeral-5.html", "numeral-7.html", "numeral-8.html", "numeral-20.html", "numeral-22.html",
            "cambios.html", "direccion/DHC.html", "nog/17121890.html", "datos/excel/compras.csv",
            "datos/datapackage.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: directory.file("salida/sitio/" + page).path), "\(page)")
        }
        #expect(result.stderr.contains("salida/sitio/index.html"), "the demo says how to open the portal")

        // The default ledger now holds the data: the commands a user types next see it.
        let report = try runner.run(["report", "productos", "--year", "2022", "--format", "csv"])
        #expect(report.status == 0)
        #expect(report.stdout.split(separator: "\r\n").count == 15, "header + 5 products + 9 subproducts")

        let check = try runner.run(["check", "--year", "2022"])
        #expect(check.status == 1, "Tabla 2 declares 10000 %")
        #expect(check.stdout.contains("el total declarado es 10000 % y debe ser 100 %"))
        #expect(check.stdout.contains("es 57.37 %"))
        #expect(check.stdout.contains("[ok] resumen.montos-suma"))

        let compras = try runner.run(["report", "compras", "--year", "2022", "--format", "json"])
        #expect(compras.status == 0)
        #expect(compras.stdout.contains("\"monto_adjudicado\": "))
        #expect(!compras.stdout.contains("tenderer"), "bidders may be natural persons: not published")
        let totals = try runner.run([
            "report", "compras", "--year", "2022", "--totales", "modalidad", "--format", "csv",
        ])
        #expect(
            totals.stdout.hasPrefix(
                "modalidad,procesos,procesos_adjudicados,monto_adjudicado,adjudicaciones_sin_monto\r\n"))
        let otherUnit = try runner.run(["report", "compras", "--unit", "999-1", "--format", "csv"])
        #expect(otherUnit.stdout.split(separator: "\r\n").count == 1, "only the header: the unit bought nothing")

        let again = try runner.run([
            "import", "metas", BinaryRunner.samples.appendingPathComponent("metas/metas-sosep-2022.csv").path,
        ])
        #expect(again.status == 0)
        #expect(again.stderr.contains("ya importado"))
    }

    @Test("bad metas exit 2, name file, line and field, and import nothing")
    func badInput() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        try directory.write(
            "malo.csv",
            text: """
                ejercicio,nivel,codigo,producto_padre,direccion_codigo,direccion,nombre,unidad_medida,meta_fisica,presupuesto_vigente,entidad,unidad_ejecutora,programa,subprograma,proyecto,actividad,obra
                2022,producto,P01,,DC,D,Uno,Persona,doce,100.00,11130016,208,11,00,000,001,000
                """)
        let result = try runner.run(["import", "metas", "malo.csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("malo.csv:2: campo «meta_fisica»: error: «doce» no es una cantidad numérica"))
        #expect(result.stderr.contains("no se importó nada"))
        let report = try runner.run(["report", "productos", "--year", "2022", "--format", "csv"])
        #expect(report.status == 0, "an empty report is an answer, not an error")
        #expect(report.stderr.contains("sin datos: no hay productos del ejercicio 2022"))
        #expect(report.stdout.split(separator: "\r\n").count == 1, "only the header")
    }

    @Test("usage errors exit 2 and --help teaches with examples")
    func usage() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        let unknown = try runner.run(["report", "grupos", "nada"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Error: argumento inesperado 'nada'"), "usage errors in Spanish")
        try directory.write("no-es-libro.sqlite", text: "hola")
        let notLedger = try runner.run(["check", "--db", "no-es-libro.sqlite"])
        #expect(notLedger.status == 2)
        #expect(notLedger.stderr.contains("no es un libro de datos"))
        #expect(try runner.run(["init"]).status == 0)
        let folder = try runner.run(["import", "metas", "."])
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("es una carpeta"))
        let help = try runner.run(["import", "metas", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("transparencia import metas Samples/metas/metas-sosep-2022.csv"))
        let noLedger = try runner.run(["check", "--db", "otro.sqlite"])
        #expect(noLedger.status == 2)
        #expect(noLedger.stderr.contains("transparencia init"))
    }

    @Test("init writes a blank profile that covers every entity and never overwrites one")
    func initProfile() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        let profile = try String(contentsOf: directory.file("transparencia.toml"), encoding: .utf8)
        #expect(profile.contains("[sicoin]"))
        try directory.write("transparencia.toml", text: "[institucion]\nsiglas = \"X\"\n")
        let again = try runner.run([
            "init", "--profile-from", BinaryRunner.samples.appendingPathComponent("sosep.toml").path,
        ])
        #expect(again.status == 0)
        #expect(again.stderr.contains("se conserva"))
        #expect(
            try String(contentsOf: directory.file("transparencia.toml"), encoding: .utf8).contains("siglas = \"X\""))
    }
}

/// `--allow-rejects` and `--dry-run` on a file with one bad row.
@Suite(.serialized)
struct ImportModesEndToEndTests {
    private let file = """
        ejercicio,nivel,codigo,producto_padre,direccion_codigo,direccion,nombre,unidad_medida,meta_fisica,presupuesto_vigente,entidad,unidad_ejecutora,programa,subprograma,proyecto,actividad,obra
        2022,producto,P01,,DC,D,Uno,Persona,10,100.00,11130016,208,11,00,000,001,000
        2022,producto,P02,,DC,D,Dos,Persona,doce,100.00,11130016,208,11,00,000,002,000
        """

    @Test("--dry-run validates and writes nothing; --allow-rejects imports the good rows")
    func modes() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        try directory.write("mixto.csv", text: file)

        let dry = try runner.run(["import", "metas", "mixto.csv", "--dry-run", "--allow-rejects"])
        #expect(dry.status == 0)
        #expect(dry.stderr.contains("no se escribió nada"))
        #expect(
            try runner.run(["report", "productos", "--year", "2022"]).stderr.contains("sin datos"),
            "nothing was imported")

        let partial = try runner.run(["import", "metas", "mixto.csv", "--allow-rejects"])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stderr.contains("filas leídas 2 · aceptadas 1 · rechazadas 1"))
        let report = try runner.run(["report", "productos", "--year", "2022", "--format", "csv"])
        #expect(report.stdout.contains(",P01,"))
        #expect(!report.stdout.contains(",P02,"))
    }
}

/// Every command that writes can say what it would do without doing it.
struct DryRunEndToEndTests {
    @Test("init --dry-run and demo --dry-run write nothing")
    func dryRuns() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        let initRun = try runner.run(["init", "--dry-run"])
        #expect(initRun.status == 0)
        #expect(initRun.stderr.contains("Se crearía el libro de datos «transparencia.sqlite»"))
        let demo = try runner.run(["demo", "--dry-run", "--samples", BinaryRunner.samples.path])
        #expect(demo.status == 0)
        #expect(demo.stderr.contains("$ transparencia import ocds"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    }
}
