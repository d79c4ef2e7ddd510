import Checks
import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// The checks over links, suppliers, dates, sources, goals and evidence, on a small ledger with one problem of
/// each kind planted.
struct LinkChecksTests {
    private static func date(_ text: String) -> Date? {
        if case .date(let value) = ProcurementDate.parse(text) { return value }
        return nil
    }

    private static func purchase(_ nog: String, nit: String, centavos: Int64, published: String) -> Procurement {
        Procurement(
            nog: nog, title: "COMPRA \(nog)", buyingUnitCode: "436-2", status: "Adjudicado",
            publishedAt: date(published),
            awards: [
                Award(
                    supplier: Supplier(scheme: .nit, identifier: nit, name: "PROVEEDOR \(nit)"),
                    amount: Money(centavos: centavos), status: "active")
            ])
    }

    private static func line(_ actividad: String, _ renglon: String, vigente: Int64) -> BudgetLine {
        BudgetLine(
            key: BudgetKey(
                ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
                proyecto: "000", actividad: actividad, obra: "000", renglon: Renglon(rawValue: renglon)!, fuente: "11",
                ubicacionGeografica: "0101"),
            amounts: ExecutionAmounts(
                asignado: Money(quetzales: vigente), modificado: .zero, vigente: Money(quetzales: vigente),
                devengado: Money(quetzales: vigente / 2), pagado: .zero),
            sourceLine: 2)
    }

    private static func source(_ kind: String, _ name: String) -> ImportSource {
        ImportSource(sourceKind: kind, fileName: name, sha256: name, bytes: 1)
    }

    /// The planted ledger.
    static func ledger() throws -> Ledger {
        let ledger = try Ledger.inMemory()
        var noGoal = SampleValues.product("P09", meta: 0, quetzales: 100, actividad: "005")
        noGoal.name = "Producto sin meta"
        let noBudget = SampleValues.product("P08", meta: 40, quetzales: 0, actividad: "006")
        _ = try ledger.importMetas(
            Metas(products: [SampleValues.product("P02", actividad: "001"), noGoal, noBudget]),
            source: source("metas", "metas.csv"), toolVersion: "t", rowsRead: 3)
        _ = try ledger.importExecution(
            ExecutionSnapshot(
                cutoff: ExecutionCutoff(ejercicio: 2022),
                lines: [line("001", "211", vigente: 1000), line("005", "211", vigente: 100)]),
            source: source("ejecucion", "ejecucion.csv"), toolVersion: "t", rowsRead: 2)
        _ = try ledger.importing(source("compras", "compras.csv"), toolVersion: "t") { session in
            let sink = session.procurements()
            try sink.upsert(
                purchase("1", nit: "421450878", centavos: 100_00, published: "2022-05-02"), policy: .overlay)
            try sink.upsert(purchase("2", nit: "421450879", centavos: 50_00, published: "2021-12-15"), policy: .overlay)
            try sink.upsert(purchase("3", nit: "82590753", centavos: 10_00, published: "2022-03-01"), policy: .overlay)
            return .commit(ImportCounts(rowsRead: 3, rowsAccepted: 3))
        }
        _ = try ledger.importing(source("ocds", "ocds.json"), toolVersion: "t") { session in
            try session.procurements().upsert(purchase("3", nit: "82590753", centavos: 12_00, published: "2022-03-01"))
            return .commit(ImportCounts(rowsRead: 1, rowsAccepted: 1))
        }
        _ = try ledger.importLinkEvidence(
            [
                LinkEvidence(
                    kind: .insumo, ejercicio: 2022, nog: "1", entidad: "11130016", unidadEjecutora: "208",
                    programa: "11",
                    subprograma: "00", proyecto: "000", actividad: "001", obra: "000",
                    renglon: Renglon(rawValue: "211"),
                    monto: Money(centavos: 100_00), fecha: "2022-05-20", sourceLine: 2),
                LinkEvidence(
                    kind: .insumo, ejercicio: 2022, nog: "999", programa: "11", actividad: "001",
                    renglon: Renglon(rawValue: "211"),
                    monto: Money(centavos: 7_00), fecha: "2022-06-01", sourceLine: 3),
                LinkEvidence(
                    kind: .insumo, ejercicio: 2022, nog: "1", programa: "11", actividad: "007",
                    renglon: Renglon(rawValue: "211"),
                    monto: Money(centavos: 1_00), fecha: "2023-01-10", sourceLine: 4),
            ], source: source("vinculos", "vinculos.csv"), toolVersion: "t", rowsRead: 3)
        try ledger.linking(toolVersion: "t") { session in
            let run = try session.beginRun(ejercicio: 2022, mode: .full, inputsDigest: "prueba", importWatermark: 0)
            func link(_ nog: String, share: Int64, centavos: Int64) -> ProcurementLink {
                ProcurementLink(
                    ejercicio: 2022, nog: nog, productCode: "P02", method: .manual, share: LinkShare(billionths: share),
                    amount: Money(centavos: centavos), provenance: LinkProvenance(label: "manuales.csv:2"))
            }
            try session.write(
                nog: "1", ejercicio: 2022, links: [link("1", share: 500_000_000, centavos: 50_00)], unlinked: nil,
                digest: "a", runID: run, replacing: false)
            try session.write(
                nog: "2", ejercicio: 2022, links: [link("2", share: 1_000_000_000, centavos: 80_00)], unlinked: nil,
                digest: "b", runID: run, replacing: false)
            return (.commit, ())
        }
        return ledger
    }

    private func result(_ check: any LedgerCheck, scope: CheckScope = CheckScope(ejercicio: 2022)) throws -> CheckResult
    {
        try check.run(on: Self.ledger(), scope: scope)
    }

    @Test("shares of a purchase that do not add up to 1 fail, naming the NOG")
    func shares() throws {
        let result = try result(LinkSharesSumCheck())
        #expect(!result.passed && result.examined == 2)
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.rows.first == .nog("1"))
        #expect(result.findings.first?.message.contains("0.5") == true)
    }

    @Test("links for more than the award fail with the excess")
    func amounts() throws {
        let result = try result(LinkedAmountWithinAwardCheck())
        #expect(result.findings.map(\.rows) == [[.nog("2")]])
        #expect(result.findings.first?.message.contains("exceso Q30.00") == true)
    }

    @Test("a supplier NIT whose check digit fails is named with the digit it should have and its NOGs")
    func nit() throws {
        #expect(try result(SupplierNITCheck()).findings.isEmpty, "the NOG with the bad NIT is of 2021")
        let result = try result(SupplierNITCheck(), scope: CheckScope())
        #expect(result.examined == 3)
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.message.contains("debería terminar en 8") == true)
        #expect(result.findings.first?.rows == [.supplier("421450879"), .nog("2")])
    }

    @Test("a purchase dated in another year than its links, and evidence dated outside its year, are warnings")
    func fiscalYear() throws {
        let result = try result(PurchaseOutsideFiscalYearCheck())
        #expect(result.passed, "warnings do not fail")
        #expect(result.findings.allSatisfy { $0.severity == .warning })
        #expect(result.findings.contains { $0.rows == [.nog("2")] && $0.message.contains("2021-12-15") })
        #expect(result.findings.contains { $0.rows.first == .evidence(file: "vinculos.csv", line: 4) })
    }

    @Test("procurement checks look only at the scope's Guatecompras units when it names them")
    func institutionScope() throws {
        let own = CheckScope(ejercicio: 2022, procurements: ProcurementScope(year: 2022, guatecomprasEntity: "436"))
        let other = CheckScope(ejercicio: 2022, procurements: ProcurementScope(year: 2022, guatecomprasEntity: "43"))
        #expect(try result(AwardedAmountAcrossSourcesCheck(), scope: own).findings.map(\.rows) == [[.nog("3")]])
        #expect(try result(AwardedAmountAcrossSourcesCheck(), scope: other).findings.isEmpty)
        #expect(try result(SupplierNITCheck(), scope: own).examined == 2)
        #expect(try result(SupplierNITCheck(), scope: other).examined == 0)
    }

    @Test("evidence checks scoped to an entidad keep its rows and the rows that name none")
    func evidenceByEntidad() throws {
        let scoped = try result(EvidenceUnknownNOGCheck(), scope: CheckScope(ejercicio: 2022, entidad: "11130016"))
        #expect(scoped.findings.map { $0.rows.first } == [.nog("999")])
        let elsewhere = try result(
            PurchaseOutsideFiscalYearCheck(), scope: CheckScope(ejercicio: 2022, entidad: "11130016"))
        #expect(elsewhere.findings.contains { $0.rows.first == .evidence(file: "vinculos.csv", line: 4) })
    }

    @Test("the same NOG with different awarded totals in two kinds of source fails")
    func sources() throws {
        let result = try result(AwardedAmountAcrossSourcesCheck())
        #expect(result.findings.map(\.rows) == [[.nog("3")]])
        #expect(
            result.findings.first?.message.contains("Q10.00 en compras (compras.csv); Q12.00 en ocds (ocds.json)")
                == true)
    }

    @Test("execution under a product without meta física fails; a meta without any budget warns")
    func goals() throws {
        let withoutGoal = try result(ExecutionWithoutGoalCheck())
        #expect(withoutGoal.findings.map(\.rows) == [[.product("P09", year: 2022)]])
        #expect(!withoutGoal.passed)
        let withoutBudget = try result(GoalWithoutBudgetCheck())
        #expect(withoutBudget.findings.map(\.rows) == [[.product("P08", year: 2022)]])
        #expect(withoutBudget.passed)
    }

    @Test("evidence naming an unknown NOG warns; evidence naming a budget line the execution lacks fails")
    func evidence() throws {
        let nog = try result(EvidenceUnknownNOGCheck())
        #expect(nog.findings.map { $0.rows.first } == [.nog("999")])
        #expect(nog.passed)
        let line = try result(EvidenceUnknownBudgetLineCheck())
        #expect(!line.passed)
        #expect(line.findings.count == 1)
        #expect(line.findings.first?.rows.first == .evidence(file: "vinculos.csv", line: 4))
        #expect(line.findings.first?.message.contains("11-*-*-007-*") == true)
    }

    @Test("checks handed over one by one as they run are the results of a whole run, in the same order")
    func eachAsItRuns() throws {
        let ledger = try Self.ledger()
        let settings = CheckSettings(severities: ["proveedores.nit": .warning])
        var handed: [CheckResult] = []
        try CheckCatalog.run(on: ledger, scope: CheckScope(), settings: settings) { handed.append($0) }
        #expect(handed == (try CheckCatalog.run(on: ledger, scope: CheckScope(), settings: settings)))
        #expect(handed.map(\.id) == CheckCatalog.all.map(\.id))
        #expect(handed.contains { !$0.findings.isEmpty })
    }

    @Test("settings change a check's severity: an error made a warning no longer fails, and the other way round")
    func settings() throws {
        let ledger = try Self.ledger()
        let settings = CheckSettings(severities: ["proveedores.nit": .warning, "evidencia.nog-desconocido": .error])
        let results = try CheckCatalog.run(on: ledger, scope: CheckScope(), settings: settings)
        let nit = try #require(results.first { $0.id == "proveedores.nit" })
        #expect(nit.passed && nit.severity == .warning && nit.findings.first?.severity == .warning)
        let unknown = try #require(results.first { $0.id == "evidencia.nog-desconocido" })
        #expect(!unknown.passed && unknown.severity == .error)
        #expect(settings.unknownIDs() == [])
        #expect(CheckSettings(severities: ["proveedor.nit": .info]).unknownIDs() == ["proveedor.nit"])
        let failing = Set(try CheckCatalog.run(on: ledger, scope: CheckScope()).filter { !$0.passed }.map(\.id))
        #expect(
            failing == [
                "vinculos.participaciones", "vinculos.monto-adjudicado", "proveedores.nit",
                "compras.adjudicado-fuentes",
                "metas.ejecucion-sin-meta", "evidencia.linea-desconocida",
            ])
    }
}
