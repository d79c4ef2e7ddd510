import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// Runs the built binary on the execution samples as finance staff would.
@Suite(.serialized)
struct ExecutionEndToEndTests {
    private static var csvSample: String {
        BinaryRunner.samples.appendingPathComponent("ejecucion/ejecucion-sosep-2022.csv").path
    }
    private static var xlsxSample: String {
        BinaryRunner.samples.appendingPathComponent("ejecucion/ejecucion-sosep-2022.xlsx").path
    }
    private static var metasSample: URL { BinaryRunner.samples.appendingPathComponent("metas/metas-sosep-2022.csv") }

    @Test("report grupos prints the six groups and a total vigente of Q178,061,100.00")
    func grupos() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        let dryRun = try runner.run(["import", "ejecucion", "--dry-run", Self.csvSample])
        #expect(
            dryRun.status == 0 && dryRun.stderr.contains("líneas leídas 63 · aceptadas 63")
                && dryRun.stderr.contains("simulación (--dry-run)"))
        #expect(
            try runner.run(["report", "grupos", "--year", "2022"]).stderr.contains("sin datos"),
            "a dry run writes nothing")
        let imported = try runner.run(["import", "ejecucion", Self.csvSample])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("líneas presupuestarias: 63 nuevo(s)"))
        let table = try runner.run(["report", "grupos", "--year", "2022"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Q178,061,100.00"))
        let csv = try runner.run(["report", "grupos", "--year", "2022", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        // Every file starts with ejercicio, mes, fecha_corte, entidad: the group is the fifth column.
        #expect(rows.map { String($0[4]) } == ["000", "100", "200", "300", "400", "900"])
        // vigente is the 4th column; names never contain commas except group 300, which is quoted.
        let vigente = try rows.map { row in try Money(parsing: String(row[row.count - 5])) }
        #expect(try Money.sum(vigente) == Money(quetzales: 178_061_100))

        let cuatrimestre = try runner.run([
            "report", "grupos", "--year", "2022", "--cuatrimestre", "1", "--format", "csv",
        ])
        #expect(cuatrimestre.status == 0)
        #expect(
            cuatrimestre.stdout.hasPrefix(
                "ejercicio,mes,fecha_corte,entidad,grupo,nombre,asignado,vigente,comprometido_al_corte_anual,devengado_periodo,devengado_acumulado,pagado_al_corte_anual"
            ))

        let links = try runner.run([
            "import", "vinculos", BinaryRunner.samples.appendingPathComponent("vinculos/vinculos-sosep-2022.csv").path,
        ])
        #expect(links.status == 0, "\(links.stderr)")
        #expect(links.stderr.contains("11 vínculos de 9 NOG"))
        #expect(!links.stderr.contains("no corresponden"), "every sample link points at a sample budget line")

        let again = try runner.run(["import", "ejecucion", Self.csvSample])
        #expect(again.status == 0 && again.stderr.contains("ya importado"))
    }

    @Test("the CSV and XLSX samples import to identical ledger rows")
    func csvEqualsXLSX() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        for (db, file) in [("csv.sqlite", Self.csvSample), ("xlsx.sqlite", Self.xlsxSample)] {
            #expect(try runner.run(["init", "--db", db]).status == 0)
            let result = try runner.run(["import", "ejecucion", "--db", db, file])
            #expect(result.status == 0, "\(result.stderr)")
        }
        func rows(_ db: String) throws -> [BudgetLine] {
            try Ledger.open(path: directory.file(db).path).currentBudgetLines(ejercicio: 2022).map { line in
                var copy = line
                copy.sourceLine = 0  // provenance: the CSV has title and subtotal rows, the XLSX does not
                return copy
            }
        }
        let fromCSV = try rows("csv.sqlite")
        #expect(fromCSV.count == 63)
        #expect(fromCSV == (try rows("xlsx.sqlite")))
    }

    @Test("the activity ↔ product check passes on the samples and fails clearly on a tampered metas copy")
    func activityProductCheck() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        #expect(try runner.run(["import", "metas", Self.metasSample.path]).status == 0)
        #expect(try runner.run(["import", "ejecucion", Self.csvSample]).status == 0)
        let actividades = try runner.run(["report", "actividades", "--year", "2022", "--format", "csv"])
        #expect(actividades.status == 0, "\(actividades.stderr)")
        #expect(actividades.stdout.contains("11,002,11130016-208 · 11-00-000-002-000,Servicio Social,P03,"))
        #expect(actividades.stdout.contains(",8351601.00,"))
        let renglones = try runner.run(["report", "renglones", "--year", "2022", "--format", "json"])
        #expect(
            renglones.stdout.contains(
                "\"renglon\": \"211\", \"grupo\": \"200\", \"nombre\": \"Alimentos para personas\""))
        let ok = try runner.run(["check", "--year", "2022", "--only", "ejecucion"])
        #expect(ok.status == 0, "\(ok.stdout)")
        #expect(ok.stdout.contains("[ok] ejecucion.vigente-por-producto"))

        let tampered = try String(contentsOf: Self.metasSample, encoding: .utf8)
            .replacingOccurrences(of: ",8351601.00,", with: ",8351610.00,")
        try directory.write("metas-alterado.csv", text: tampered)
        #expect(try runner.run(["init", "--db", "alterado.sqlite"]).status == 0)
        #expect(try runner.run(["import", "metas", "--db", "alterado.sqlite", "metas-alterado.csv"]).status == 0)
        #expect(try runner.run(["import", "ejecucion", "--db", "alterado.sqlite", Self.csvSample]).status == 0)
        let failed = try runner.run(["check", "--db", "alterado.sqlite", "--year", "2022", "--only", "ejecucion"])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("[FALLA] ejecucion.vigente-por-producto"))
        #expect(
            failed.stdout.contains(
                "la ejecución suma Q8,351,601.00 de vigente y las metas dicen Q8,351,610.00 (diferencia -Q9.00)"))
    }

    @Test("a bad execution file exits 2, names file, line and field, and imports nothing")
    func badInput() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        try directory.write(
            "malo.csv",
            text: """
                ejercicio,entidad,programa,actividad,renglon,asignado,vigente,devengado,pagado
                2022,11130016,11,001,211,100.00,100.00,50.00,50.00
                2022,11130016,11,001,029,100.00,100.00,150.00,50.00
                """)
        let result = try runner.run(["import", "ejecucion", "malo.csv"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("malo.csv:3: campo «devengado»: error: devengado Q150.00 supera el vigente Q100.00"))
        #expect(result.stderr.contains("no se importó nada"))
        #expect(try runner.run(["report", "grupos", "--year", "2022"]).stderr.contains("sin datos: no hay ejecución"))

        let rejects = try runner.run(["import", "ejecucion", "--allow-rejects", "malo.csv"])
        #expect(rejects.status == 0, "\(rejects.stderr)")
        #expect(rejects.stderr.contains("rechazadas 1"))
        let monthly = try runner.run(["report", "grupos", "--year", "2022", "--month", "3"])
        #expect(monthly.status == 2)
        #expect(monthly.stderr.contains("no traen devengado mensual"))
    }
}
