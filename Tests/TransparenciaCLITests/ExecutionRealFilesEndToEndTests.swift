import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// Runs the built binary on realistic municipal and SICOIN execution files, as finance staff would.
@Suite(.serialized)
struct ExecutionRealFilesEndToEndTests {
    private static let fixtures = BinaryRunner.root.appendingPathComponent("Tests/ImportersTests/Fixtures/ejecucion")
    private static var municipalCKAN: String { fixtures.appendingPathComponent("ckan-municipal-2023.json").path }
    private static var municipalSICOIN: String {
        fixtures.appendingPathComponent("sicoin-r00804768-municipal.csv").path
    }
    private static var csvSample: String {
        BinaryRunner.samples.appendingPathComponent("ejecucion/ejecucion-sosep-2022.csv").path
    }
    private static var xlsxSample: String {
        BinaryRunner.samples.appendingPathComponent("ejecucion/ejecucion-sosep-2022.xlsx").path
    }

    /// The file's own vigente, added up from its text (not through the importer).
    private static func fileVigente() throws -> Money {
        let text = try String(contentsOfFile: municipalCKAN, encoding: .utf8)
        let amounts = try text.components(separatedBy: "\"vigente\": ").dropFirst().map { part in
            try Money(parsing: String(part.prefix { $0 != "," && $0 != "}" }))
        }
        return try Money.sum(amounts)
    }

    @Test("a municipal CKAN file imports, and report grupos --format csv sums to its vigente to the centavo")
    func municipalGroups() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        let imported = try runner.run(["import", "ejecucion", "--quiet", Self.municipalCKAN])
        #expect(imported.status == 0, "\(imported.stderr.prefix(2000))")
        #expect(imported.stderr.contains("líneas presupuestarias: 1113 nuevo(s)"))
        let csv = try runner.run(["report", "grupos", "--year", "2023", "--entidad", "12100401", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let header = try #require(csv.stdout.split(separator: "\r\n").first).split(separator: ",").map(String.init)
        let vigenteColumn = try #require(header.firstIndex(of: "vigente"))
        // Group 300's name holds a comma inside quotes: count columns from the right.
        let fromRight = header.count - vigenteColumn
        let rows = csv.stdout.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        // After ejercicio, mes, fecha_corte and entidad.
        let groups = rows.filter { $0.count > 4 && $0[4].count == 3 && $0[4].allSatisfy(\.isNumber) }
        #expect(groups.map { String($0[4]) } == ["000", "100", "200", "300", "400"])
        let vigentes = try groups.map { try Money(parsing: String($0[$0.count - fromRight])) }
        #expect(try Money.sum(vigentes) == (try Self.fileVigente()))

        let renglones = try runner.run([
            "report", "renglones", "--year", "2023", "--entidad", "12100401", "--format", "csv",
        ])
        #expect(renglones.status == 0, "\(renglones.stderr)")
        #expect(renglones.stdout.hasPrefix("ejercicio,mes,fecha_corte,entidad,renglon,grupo,nombre,origen_nombre,"))
        #expect(renglones.stdout.contains("015,000,Complementos específicos al personal permanente,catálogo,"))
        // 062 is not in the bundled catalog: its name comes from the file.
        #expect(renglones.stdout.contains("062,000,DIETAS PARA CARGOS REPRESENTATIVOS,archivo,"))
    }

    @Test(
        "a SICOIN ';' report with million amounts imports; --separator forces the separator; a contradicting --month is refused"
    )
    func sicoinReport() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        let forced = try runner.run(["import", "ejecucion", "--separator", ",", "--dry-run", Self.municipalSICOIN])
        #expect(forced.status == 2 && forced.stderr.contains("no se encontró una fila de encabezados"))
        let alias = try runner.run(["import", "ejecucion", "--separador", ";", "--dry-run", Self.municipalSICOIN])
        #expect(alias.status == 0, "\(alias.stderr)")
        let june = try runner.run(["import", "ejecucion", "--month", "6", Self.municipalSICOIN])
        #expect(june.status == 2)
        #expect(june.stderr.contains("--month 6 contradice el corte que declara el archivo"))
        let imported = try runner.run(["import", "ejecucion", Self.municipalSICOIN])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("punto y coma") && imported.stderr.contains("corte 2022 al 2022-12-31"))
        #expect(imported.stderr.contains("líneas presupuestarias: 60 nuevo(s)"))
        #expect(
            imported.stderr.contains(
                "«COMPLEMENTOS ESPECÃ?FICOS AL PERSONAL PERMANENTE» → «COMPLEMENTOS ESPECÍFICOS AL PERSONAL PERMANENTE»"
            ))
    }

    @Test("the XLSX of an already imported CSV adds no second snapshot")
    func sameDataOtherFormat() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        #expect(try runner.run(["import", "ejecucion", "--quiet", Self.csvSample]).status == 0)
        let xlsx = try runner.run(["import", "ejecucion", "--quiet", Self.xlsxSample])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        #expect(xlsx.stderr.contains("63 sin cambio"))
        let ledger = try Ledger.open(path: directory.file("transparencia.sqlite").path)
        #expect(try ledger.executionCutoffs(ejercicio: 2022).count == 1)
    }
}
