import Domain
import Foundation
import TestSupport
import Testing

@testable import Importers

/// Consecutive lines print the same names: the name book answers them from the last name it settled for the field,
/// which must leave what each line reports and stores exactly as settling each line on its own did.
struct ExecutionNameMemoTests {
    private static let header =
        "ejercicio,entidad,nombre_entidad,unidad_ejecutora,programa,subprograma,proyecto,actividad,obra,renglon,"
        + "fuente,ubicacion_geografica,asignado,vigente,devengado,pagado"

    private func row(actividad: Int, entidad: String = "11130016", name: String) -> String {
        "2022,\(entidad),\(name),208,11,00,000,\(String(format: "%03d", actividad)),000,211,11,0101,100.00,100.00,50.00,40.00"
    }

    @Test("a repaired name is reported on every line, a damaged one counted on every line, warned about once")
    func repeatedNamesReportEachLine() throws {
        let doubleEncoded = "Ministerio de EducaciÃ³n"
        let damaged = "Ministerio de Educaci\u{FFFD}n"
        let rows = [
            row(actividad: 1, name: doubleEncoded), row(actividad: 2, name: doubleEncoded),
            row(actividad: 3, name: damaged), row(actividad: 4, name: damaged), row(actividad: 5, name: damaged),
            row(actividad: 6, entidad: "11130017", name: "Secretaría de Bienestar"),
            row(actividad: 7, entidad: "11130016", name: doubleEncoded),
        ]
        let directory = try TemporaryDirectory()
        let url = try directory.write("nombres.csv", text: ([Self.header] + rows).joined(separator: "\n"))
        var repairs: [ValueRepair] = []
        var lines: [BudgetLine] = []
        let scan = try ExecutionImporter.stream(url) {
            repairs.append($0)
        } each: {
            lines.append($0)
        }
        #expect(lines.count == 7)
        #expect(repairs.map(\.line) == [2, 3, 8])
        #expect(repairs.allSatisfy { $0.repaired == "Ministerio de Educación" })
        // A letter lost as U+FFFD (not one of the letters Windows-1252 drops) stays flagged on each of its lines.
        #expect(
            lines.map { $0.names["entidad"] } == [
                "Ministerio de Educación", "Ministerio de Educación", damaged, damaged, damaged,
                "Secretaría de Bienestar",
                "Ministerio de Educación",
            ])
        let summary = try #require(scan.diagnostics.first { $0.message.contains("irrecuperables") })
        #expect(summary.message.hasPrefix("3 nombre(s) conservan letras irrecuperables"))
        #expect(scan.diagnostics.filter { $0.message.contains("llegó dañado") }.map(\.line) == [4])
    }

    @Test("a name no source settles is counted on each of its lines, warned about once")
    func damagedNameCountedEachLine() throws {
        let damaged = "Municipalidad de Pach\u{FFFD}j"
        let rows = (1...4).map { row(actividad: $0, entidad: "12100401", name: damaged) }
        let directory = try TemporaryDirectory()
        let url = try directory.write("danado.csv", text: ([Self.header] + rows).joined(separator: "\n"))
        let scan = try ExecutionImporter.scan(url)
        let summary = try #require(scan.diagnostics.first { $0.message.contains("irrecuperables") })
        #expect(summary.message.hasPrefix("4 nombre(s) conservan letras irrecuperables"))
        #expect(scan.diagnostics.filter { $0.line != nil && $0.message.contains("llegó dañado") }.count == 1)
    }

    @Test("a name spelled with a combining accent after its precomposed spelling is stored as each line writes it")
    func canonicallyEqualSpellingsKeepTheirBytes() throws {
        let precomposed = "Secretar\u{00ED}a de Bienestar"
        let combining = "Secretari\u{0301}a de Bienestar"
        #expect(precomposed == combining, "Swift takes them as equal: the memo must not")
        let rows = [
            row(actividad: 1, name: precomposed), row(actividad: 2, name: combining),
            row(actividad: 3, name: combining),
        ]
        let directory = try TemporaryDirectory()
        let url = try directory.write("grafias.csv", text: ([Self.header] + rows).joined(separator: "\n"))
        var lines: [BudgetLine] = []
        _ = try ExecutionImporter.stream(url) { lines.append($0) }
        let stored = lines.compactMap { $0.names["entidad"] }.map { Array($0.utf8) }
        #expect(stored == [Array(precomposed.utf8), Array(combining.utf8), Array(combining.utf8)])
    }
}
