import Checks
import Domain
import Foundation
import Testing

@testable import Publishing

/// `check --only` runs only the checks asked for, with the same results they give in a full run; the
/// `verificaciones` table, written check by check as each runs, is the table of the results run first.
struct CheckResultsTests {
    @Test("verificaciones streamed check by check equals the table of the results, row for row")
    func streamedTable() throws {
        let datasets = Datasets(ledger: try ExportFixture.ledger())
        let scope = ExportFixture.scope()
        let results = try datasets.checkResults(scope)
        #expect(!results.isEmpty)
        let expected = CheckTable.table(
            results, ejercicio: scope.year, mes: scope.month, entidad: scope.sicoinFilter.entidad)
        let streamed = try datasets.table(.verificaciones, scope: scope)
        #expect(streamed.rows == expected.rows)
        #expect(streamed.columns == expected.columns && streamed.name == "verificaciones")
        #expect(streamed.rows.count == results.reduce(0) { $0 + max(1, $1.findings.count) })

        let planted =
            results + [
                CheckResult(
                    id: "x.dos", title: "Dos hallazgos", examined: 3,
                    findings: [
                        Finding(severity: .error, message: "uno", reference: "a.csv:2", rows: [.nog("1"), .nog("2")]),
                        Finding(severity: .warning, message: "dos"),
                    ])
            ]
        let collector = TableCollector()
        try CheckTable.write(planted, ejercicio: 2022, entidad: "11130016", to: collector)
        let table = CheckTable.table(planted, ejercicio: 2022, entidad: "11130016")
        #expect(collector.table.rows == table.rows)
        #expect(table.rows.count == results.count + 2)
        #expect(table.rows.last?[7...] == [.integer(2), .text("advertencia"), .text("dos"), .empty, .empty])
    }

    @Test("only the checks whose id starts with a given prefix run, and they say what they say in a full run")
    func onlyPrefixes() throws {
        let datasets = Datasets(ledger: try ExportFixture.ledger())
        let scope = ExportFixture.scope()
        let all = try datasets.checkResults(scope)
        let some = try datasets.checkResults(scope, only: ["resumen", "vinculos.participaciones"])
        #expect(!some.isEmpty && some.count < all.count)
        #expect(some.allSatisfy { $0.id.hasPrefix("resumen") || $0.id == "vinculos.participaciones" })
        #expect(some == all.filter { result in some.contains { $0.id == result.id } })
    }
}
