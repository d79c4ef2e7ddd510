import Checks
import Domain
import Testing

@testable import Publishing

/// The provenance block's checks: one row per check with findings, not every finding on every page.
struct CheckFindingsSummaryTests {
    @Test("one row per check with findings: worst severity, count, first finding as example; errors first")
    func summary() {
        let findings = (1...250).map {
            Finding(severity: .warning, message: "el NIT \($0) no es válido", reference: "nog:\($0)")
        }
        let results = [
            CheckResult(id: "sin.hallazgos", title: "Pasa", examined: 9, findings: []),
            CheckResult(id: "proveedores.nit", title: "NIT", examined: 300, findings: findings, severity: .warning),
            CheckResult(
                id: "resumen.porcentajes", title: "Porcentajes", examined: 6,
                findings: [
                    Finding(severity: .warning, message: "redondeo"),
                    Finding(severity: .error, message: "los porcentajes suman 10000 %"),
                ]),
        ]
        let table = CheckFindingsSummary.table(results)
        #expect(table.columns.map(\.name) == ["verificacion", "severidad", "hallazgos", "ejemplo"])
        #expect(
            table.rows == [
                [.text("resumen.porcentajes"), .text("error"), .integer(2), .text("los porcentajes suman 10000 %")],
                [
                    .text("proveedores.nit"), .text("advertencia"), .integer(250),
                    .text("el NIT 1 no es válido (nog:1)"),
                ],
            ])
    }

    @Test("no findings: an empty table that says so")
    func empty() {
        let table = CheckFindingsSummary.table([CheckResult(id: "a", title: "A", examined: 1, findings: [])])
        #expect(table.rows.isEmpty)
        #expect(table.emptyReason == "ninguna verificación encontró problemas")
    }
}
