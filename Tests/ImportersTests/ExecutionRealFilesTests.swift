import Domain
import Formats
import Foundation
import Importers
import TestSupport
import Testing

/// Whole-file imports of realistic MINFIN and SICOIN files (fixtures from `Scripts/make-fixtures-ejecucion`).
struct ExecutionRealFilesTests {
    private func errors(_ result: ExecutionImport) -> [Diagnostic] {
        result.diagnostics.filter { $0.severity == .error }
    }

    private static var municipalCKAN: URL { get throws { try FixtureFile.url("ejecucion/ckan-municipal-2023.json") } }
    private static var municipalSICOIN: URL {
        get throws { try FixtureFile.url("ejecucion/sicoin-r00804768-municipal.csv") }
    }
    private static var centralSICOIN: URL {
        get throws { try FixtureFile.url("ejecucion/sicoin-central-organismo.csv") }
    }

    @Test("a municipal CKAN file whose lines differ only in correlativo or organismo imports whole")
    func municipalCKAN() throws {
        let result = try ExecutionImporter.read(try Self.municipalCKAN)
        #expect(errors(result).isEmpty, "\(errors(result).prefix(3))")
        let lines = try #require(result.snapshot?.lines)
        let records =
            try String(contentsOf: try Self.municipalCKAN, encoding: .utf8).components(separatedBy: "{\"_id\": ").count
            - 1
        #expect(records > 1000 && lines.count == records)
        // Municipal entities have no unidad ejecutora: absent, and the label does not print `12100401-`.
        #expect(lines.allSatisfy { $0.key.structure.unidadEjecutora == nil })
        #expect(lines.allSatisfy { !$0.key.label.contains("12100401-") })
        // Two lines equal but for the correlativo, and two equal but for the organismo.
        let byOrganismo = Dictionary(grouping: lines) { line in
            "\(line.key.structure.label)|\(line.key.renglon.rawValue)|\(line.key.fuente ?? "")|\(line.key.organismo ?? "")"
        }
        #expect(byOrganismo.values.contains { Set($0.map(\.key.correlativo)).count > 1 })
        let byFuente = Dictionary(grouping: lines) { line in
            "\(line.key.structure.label)|\(line.key.renglon.rawValue)|\(line.key.fuente ?? "")|\(line.key.correlativo ?? "")"
        }
        #expect(byFuente.values.contains { Set($0.map(\.key.organismo)).count > 1 })
        let line = try #require(lines.first { $0.key.financiamiento == "31-0151-0002" })
        #expect(line.key.fuente == "31" && line.key.organismo == "0151" && line.key.correlativo == "0002")
        #expect(line.key.label.contains("· fuente 31-0151-0002"))
        // Classifications are stored beside the key.
        #expect(line.classification.finalidad != nil && line.classification.funcion != nil)
        #expect(line.classification.departamento == "16" && line.classification.region == "II")
        #expect(line.classification.subgrupo == line.key.renglon.subgrupo)
    }

    @Test("names that lost a letter to double encoding come out repaired from the catalog or the word list")
    func damagedNames() throws {
        var repairs: [ValueRepair] = []
        var lines: [BudgetLine] = []
        let result = try ExecutionImporter.stream(try Self.municipalCKAN) {
            repairs.append($0)
        } each: {
            lines.append($0)
        }
        func name(_ field: String, renglon: String) -> String? {
            lines.first { $0.key.renglon.rawValue == renglon && $0.names[field] != nil }?.names[field]
        }
        #expect(name("renglon", renglon: "015") == "COMPLEMENTOS ESPECÍFICOS AL PERSONAL PERMANENTE")
        #expect(name("renglon", renglon: "111") == "ENERGÍA ELÉCTRICA")
        #expect(name("subgrupo", renglon: "111") == "SERVICIOS BÁSICOS")
        let activities = Set(lines.compactMap { $0.names["actividad"] })
        #expect(activities.contains("POLICÍA MUNICIPAL DE TRÁNSITO"))
        #expect(activities.contains("SECRETARÍA MUNICIPAL"))
        #expect(activities.contains("MANTENIMIENTO DE VÍAS"))
        #expect(activities.contains("DIRECCIÓN Y COORDINACIÓN"), "intact double encoding is undone")
        // A place name no source settles keeps the lost letter flagged, not guessed.
        #expect(activities.contains("MEJORAMIENTO CALLE ALDEA PACH\u{FFFD}J"))
        let fuentes = Set(lines.compactMap { $0.names["fuente"] })
        #expect(fuentes.contains("OTROS RECURSOS DEL TESORO CON AFECTACIÓN ESPECÍFICA"))
        // Each repaired value is reported with its line and field and what settled it; the unrepairable value is a
        // warning.
        #expect(Set(repairs.map(\.field)).isSuperset(of: ["renglon", "actividad"]))
        #expect(Set(repairs.compactMap(\.basis)).isSuperset(of: ["catálogo", "diccionario"]))
        #expect(repairs.allSatisfy { $0.line != nil && !$0.repaired.contains("\u{FFFD}") })
        #expect(
            result.diagnostics.contains {
                $0.severity == .warning && $0.message.contains("conservan letras irrecuperables")
                    && $0.message.contains("PACH\u{FFFD}J")
            })
        #expect(
            result.diagnostics.filter { $0.message.contains("«MEJORAMIENTO CALLE ALDEA PACH") && $0.line != nil }.count
                == 1,
            "one warning per damaged value, not one per line")
    }

    @Test("a SICOIN ';' report with million amounts, titles and fuente-organismo-correlativo codes imports")
    func sicoinMillions() throws {
        let result = try ExecutionImporter.read(try Self.municipalSICOIN)
        #expect(errors(result).isEmpty, "\(errors(result).prefix(3))")
        #expect(result.formatDescription.contains("punto y coma"))
        let lines = try #require(result.snapshot?.lines)
        #expect(lines.count == 60)
        #expect(result.totalsRows == 1, "the TOTAL row is checked against the detail")
        #expect(Set(lines.compactMap(\.key.correlativo)) == ["0001", "0002"])
        #expect(lines.allSatisfy { $0.key.structure.unidadEjecutora == nil && $0.key.ubicacionGeografica == "1601" })
        #expect(lines.contains { $0.names["renglon"] == "COMPLEMENTOS ESPECÍFICOS AL PERSONAL PERMANENTE" })
        #expect(lines.contains { $0.names["renglon"] == "ENERGÍA ELÉCTRICA" })
        #expect(lines.allSatisfy { $0.amounts.vigente > Money(quetzales: 1_000_000) })
        // The title says «CORTE AL 31/12/2022»: that is the cut-off.
        #expect(result.snapshot?.cutoff == ExecutionCutoff(ejercicio: 2022, mes: 12, fechaCorte: "2022-12-31"))
    }

    @Test("a central-government report with organismo and correlativo columns keeps its unidad ejecutora")
    func centralOrganismo() throws {
        let result = try ExecutionImporter.read(try Self.centralSICOIN)
        #expect(errors(result).isEmpty, "\(errors(result).prefix(3))")
        let lines = try #require(result.snapshot?.lines)
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { $0.key.structure.unidadEjecutora == "208" })
        #expect(Set(lines.compactMap(\.key.financiamiento)) == ["11-0101-0001", "61-0402-0001", "61-0402-0002"])
        #expect(result.snapshot?.cutoff.mes == 6)
    }

    @Test("a true duplicate is still refused, and the message names the whole key")
    func trueDuplicate() throws {
        let directory = try TemporaryDirectory()
        var data = try Data(contentsOf: try Self.municipalSICOIN)
        let rows = data.split(separator: UInt8(ascii: "\n"))
        let lastDetail = try #require(rows.last { $0.starts(with: Data("2022;".utf8)) })
        data += lastDetail + Data("\n".utf8)
        let url = try directory.write("duplicada.csv", data)
        let result = try ExecutionImporter.read(url)
        let duplicate = try #require(errors(result).first { $0.message.contains("duplicada") })
        #expect(
            duplicate.message.contains(
                "12100401 · 11-00-000-002-000 · renglón 262 · fuente 22-0101-0001 · ubicación 1601"))
        #expect(!duplicate.message.contains("12100401-"))
    }

    @Test("a --month that contradicts the cut-off the file states, or runs past its months, is refused")
    func contradictingMonth() throws {
        let june = try ExecutionImporter.scan(try Self.municipalSICOIN, options: ExecutionImportOptions(mes: 6))
        #expect(june.hasFileLevelErrors)
        #expect(
            june.diagnostics.contains {
                $0.severity == .error && $0.message.contains("--month 6 contradice el corte que declara el archivo")
            })
        #expect(
            june.diagnostics.contains { $0.severity == .error && $0.message.contains("trae devengado de diciembre") })
        let december = try ExecutionImporter.scan(try Self.municipalSICOIN, options: ExecutionImportOptions(mes: 12))
        #expect(!december.hasErrors)

        let pastColumns = try ExecutionImporter.scan(try Self.centralSICOIN, options: ExecutionImportOptions(mes: 9))
        #expect(pastColumns.diagnostics.contains { $0.severity == .error && $0.message.contains("contradice") })
        // Without a title, the monthly columns still bound the month.
        let directory = try TemporaryDirectory()
        let text = try String(contentsOf: try Self.centralSICOIN, encoding: .windowsCP1252)
        let untitled = try directory.write(
            "sin-titulo.csv", text: text.components(separatedBy: "\r\n").dropFirst(3).joined(separator: "\r\n"))
        let noTitle = try ExecutionImporter.scan(untitled, options: ExecutionImportOptions(mes: 9))
        #expect(
            noTitle.diagnostics.contains {
                $0.severity == .error && $0.message.contains("posterior al corte del archivo")
            })
        let earlier = try ExecutionImporter.scan(untitled, options: ExecutionImportOptions(mes: 4))
        #expect(
            earlier.diagnostics.contains { $0.severity == .error && $0.message.contains("trae devengado de junio") })
        #expect(try ExecutionImporter.scan(untitled, options: ExecutionImportOptions(mes: 6)).hasErrors == false)
    }

    @Test("the separator can be forced: ',' on a ';' report finds no header, ';' reads it")
    func forcedSeparator() throws {
        #expect(throws: ImportError.self) {
            try ExecutionImporter.scan(
                try Self.municipalSICOIN, options: ExecutionImportOptions(delimiter: UInt8(ascii: ",")))
        }
        let forced = try ExecutionImporter.scan(
            try Self.municipalSICOIN, options: ExecutionImportOptions(delimiter: UInt8(ascii: ";")))
        #expect(forced.linesAccepted == 60)
    }

    @Test("a damaged name is repaired from an undamaged copy of the same code the ledger already holds")
    func knownNames() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(
            "dañado.csv",
            text: """
                ejercicio;entidad;programa;actividad;nombre_actividad;renglon;asignado;vigente;devengado;pagado
                2023;12100401;11;007;CASA DE LA CULTURA DE SANTA ANA XÃ\u{FFFD}LAPAN;211;100.00;100.00;50.00;50.00
                """)
        let alone = try ExecutionImporter.read(url)
        #expect(alone.snapshot?.lines.first?.names["actividad"] == "CASA DE LA CULTURA DE SANTA ANA X\u{FFFD}LAPAN")
        let key = try #require(alone.snapshot?.lines.first?.key)
        let nameKey = try #require(BudgetNameKey(field: "actividad", key: key, classification: .none))
        let known = try ExecutionImporter.read(
            url, options: ExecutionImportOptions(knownNames: [nameKey: "Casa de la Cultura de Santa Ana Xálapan"]))
        #expect(known.snapshot?.lines.first?.names["actividad"] == "CASA DE LA CULTURA DE SANTA ANA XÁLAPAN")
    }

    @Test("a damaged name is repaired from an undamaged copy of the same code later in the same file")
    func laterCopy() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(
            "copia.csv",
            text: """
                ejercicio;entidad;programa;actividad;nombre_actividad;renglon;asignado;vigente;devengado;pagado
                2023;12100401;11;007;CASA DE LA CULTURA XÃ\u{FFFD}LAPAN;211;100.00;100.00;50.00;50.00
                2023;12100401;11;008;ESCUELA DE PACHÃ\u{FFFD}J;211;100.00;100.00;50.00;50.00
                2023;12100401;11;007;CASA DE LA CULTURA XÁLAPAN;029;100.00;100.00;50.00;50.00
                """)
        let lines = try #require(try ExecutionImporter.read(url).snapshot?.lines)
        #expect(
            lines.map { $0.names["actividad"] } == [
                "CASA DE LA CULTURA XÁLAPAN", "ESCUELA DE PACH\u{FFFD}J", "CASA DE LA CULTURA XÁLAPAN",
            ])
    }
}
