import Domain
import Foundation
import RedFlags
import Testing

/// TR18–TR20 at their boundaries: one centavo each side of every threshold, window edges, and what does not count.
struct BudgetBoundaryTests {
    private typealias F = Fixture

    /// An evidence row as the ledger stores it.
    private static func row(
        _ id: Int64, kind: LinkEvidence.Kind = .insumo, nog: String? = nil, npg: String? = nil, renglon: String = "211",
        monto: String, fecha: String = "2022-06-10", programa: String = "11", actividad: String = "001",
        entidad: String = "11130016", unidad: String = "208"
    ) -> StoredLinkEvidence {
        StoredLinkEvidence(
            id: id, importRunID: 1, fileName: "insumos.csv",
            evidence: LinkEvidence(
                kind: kind, ejercicio: Int(fecha.prefix(4)), nog: nog, npg: npg, entidad: entidad,
                unidadEjecutora: unidad,
                programa: programa, subprograma: "00", proyecto: "000", actividad: actividad, obra: "000",
                renglon: Renglon(rawValue: renglon), nit: "733506984", proveedor: "SUMINISTROS", monto: F.money(monto),
                fecha: fecha, sourceLine: Int(id) + 1))
    }

    /// A budget line of 2022 for unit 11130016-208, programa 11, actividad 001.
    private static func line(_ renglon: String, devengado: String, actividad: String = "001") -> BudgetLine {
        let key = BudgetKey(
            ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
            proyecto: "000",
            actividad: actividad, obra: "000", renglon: Renglon(rawValue: renglon) ?? Renglon(rawValue: "211")!,
            fuente: nil,
            ubicacionGeografica: nil)
        return BudgetLine(
            key: key,
            amounts: ExecutionAmounts(
                asignado: .zero, modificado: .zero, vigente: .zero, devengado: F.money(devengado), pagado: .zero),
            sourceLine: 0)
    }

    private static let unitLink = FlagUnitLink(
        sicoinEntidad: "11130016", sicoinUnidadEjecutora: "208", unitCode: "100-1", unitName: "UNIDAD 100-1", rows: 1)

    // MARK: - TR18

    @Test(
        "TR18: flagged when the devengado exceeds awarded × (1 + tol) + Q1.00, not at it",
        arguments: [
            ("101001.00", "", false), ("101001.01", "", true), ("101000.99", "", false),
            ("100001.00", "[TR18]\ntol = 0", false), ("100001.01", "[TR18]\ntol = 0", true),
            ("100000.01", "[TR18]\ntol = 0\nholgura = 0", true), ("100000.00", "[TR18]\ntol = 0\nholgura = 0", false),
        ])
    func aboveAward(spent: String, settings: String, flagged: Bool) throws {
        // Two rows that add up to `spent`.
        let first = F.money("60000.00")
        let second = try F.money(spent) - first
        let spending = FlagSpending(evidence: [
            Self.row(1, nog: "100", monto: "60000.00"),
            Self.row(2, nog: "100", renglon: "322", monto: second.plainText),
        ])
        let run = try F.run(
            [F.purchase("100", F.date(2022, 3, 1), "100000.00", modality: "cotizacion")], ids: ["TR18"],
            settings: settings,
            spending: spending)
        let flags = F.flags(run, "TR18")
        #expect(flags.count == (flagged ? 1 : 0))
        #expect(run.indicators.first?.evaluated == 1)
        if let flag = flags.first {
            #expect(flag.severity == .medio && flag.subject.kind == .nog && flag.subject.id == "100")
            #expect(flag.amount == (try F.money(spent) - F.money("100000.00")))
            #expect(flag.evidence.count == 3, "the award, then both execution rows")
            #expect(flag.evidence.first?.note == "monto adjudicado")
            #expect(flag.evidence.dropFirst().map(\.renglon) == ["211", "322"])
        }
    }

    @Test("TR18: insumo and CUR rows of one NOG describe the same payments: insumo counts, CUR only without it")
    func insumoOrCUR() throws {
        let purchases = [
            F.purchase("100", F.date(2022, 3, 1), "100000.00", modality: "cotizacion"),
            F.purchase("200", F.date(2022, 3, 1), "100000.00", modality: "cotizacion"),
        ]
        let spending = FlagSpending(evidence: [
            Self.row(1, nog: "100", monto: "100000.00"), Self.row(2, kind: .cur, nog: "100", monto: "100000.00"),
            Self.row(3, kind: .cur, nog: "200", monto: "120000.00"),
        ])
        let run = try F.run(purchases, ids: ["TR18"], spending: spending)
        #expect(F.flags(run, "TR18").map(\.subject.id) == ["200"])
        #expect(F.flags(run, "TR18").first?.detail.contains("CUR") == true)
    }

    @Test("TR18: NPG purchases, NOGs without evidence and annulled NOGs are not evaluated")
    func notEvaluated() throws {
        var annulled = F.purchase("300", F.date(2022, 3, 1), "1000.00", modality: "cotizacion")
        annulled.status = "Anulado"
        let npg = F.purchase("E1", F.date(2022, 3, 1), "1000.00", modality: nil, kind: .npg)
        let spending = FlagSpending(evidence: [
            Self.row(1, nog: "300", monto: "5000.00"), Self.row(2, npg: "E1", monto: "5000.00"),
        ])
        let run = try F.run(
            [annulled, npg, F.purchase("400", F.date(2022, 3, 1), "1000.00")], ids: ["TR18"], spending: spending)
        #expect(F.flags(run, "TR18").isEmpty)
        #expect(run.indicators.first?.evaluated == 0)
        #expect(
            run.indicators.first?.notes.contains { $0.contains("1 NOG con ejecución sin monto adjudicado") } == true)
    }

    // MARK: - TR19 (a)

    @Test(
        "TR19a: a unit is flagged when the devengado no purchase explains is ≥ cuota of its devengado in the groups",
        arguments: [("90000.00", true), ("90000.01", false), ("89999.99", true)])
    func unexplainedShare(explained: String, flagged: Bool) throws {
        let spending = FlagSpending(
            evidence: [Self.row(1, nog: "100", monto: explained)],
            budgetLines: [Self.line("211", devengado: "100000.00")])
        let run = try F.run(
            [F.purchase("100", F.date(2022, 3, 1), "100000.00")], ids: ["TR19"], spending: spending)
        let flags = F.flags(run, "TR19").filter { $0.subject.kind == .unidad }
        #expect(flags.count == (flagged ? 1 : 0))
        if let flag = flags.first {
            #expect(flag.subject.id == "UE 11130016-208" && flag.severity == .medio)
            #expect(flag.amount == (try F.money("100000.00") - F.money(explained)))
            #expect(flag.evidence.first?.referenceKind == "PRESUPUESTO" && flag.evidence.first?.renglon == "211")
        }
    }

    @Test("TR19a: exempt renglones and groups outside 100/200/300 do not count; unknown NOGs explain nothing")
    func whatCounts() throws {
        let lines = [
            Self.line("211", devengado: "100000.00"), Self.line("113", devengado: "500000.00"),
            Self.line("011", devengado: "900000.00"),
        ]
        // A NOG with a record explains Q95,000 of renglón 211: 5 % unexplained, under the 10 % quota, however large the
        // exempt and payroll lines are.
        let known = FlagSpending(evidence: [Self.row(1, nog: "100", monto: "95000.00")], budgetLines: lines)
        let purchase = F.purchase("100", F.date(2022, 3, 1), "95000.00")
        #expect(
            F.flags(try F.run([purchase], ids: ["TR19"], spending: known), "TR19").filter { $0.subject.kind == .unidad }
                .isEmpty)
        // The same row with a NOG the ledger does not know explains nothing: 100 % unexplained.
        let unknown = FlagSpending(
            evidence: [Self.row(1, nog: "555", monto: "95000.00")], unknownNOGs: ["555"], budgetLines: lines)
        let flags = F.flags(try F.run([purchase], ids: ["TR19"], spending: unknown), "TR19").filter {
            $0.subject.kind == .unidad
        }
        #expect(flags.count == 1)
        #expect(flags.first?.value == "1.0000" && flags.first?.amount == F.money("100000.00"))
        #expect(flags.first?.evidence.contains { $0.referenceKind == "NOG" && $0.reference == "555" } == true)
    }

    @Test("TR19a: a link by rule or by hand explains the line of its product's structure and renglón")
    func linkedByRule() throws {
        let structure = BudgetStructure(entidad: "11130016", unidadEjecutora: "208", programa: "11", actividad: "001")
        func run(_ renglon: String) throws -> [RedFlag] {
            let spending = FlagSpending(
                budgetLines: [Self.line("211", devengado: "100000.00")],
                linkedAmounts: [
                    FlagLinkedAmount(
                        nog: "100", structure: structure, renglon: Renglon(rawValue: renglon),
                        amount: F.money("100000.00"))
                ])
            return F.flags(try F.run([], ids: ["TR19"], spending: spending), "TR19")
        }
        #expect(try run("211").isEmpty)
        #expect(try run("291").count == 1)
    }

    @Test(
        "TR19a: without budget lines, input-level rows without NOG or NPG are the unexplained spending",
        arguments: [("10000.00", true), ("9999.99", false)])
    func orphanRows(orphan: String, flagged: Bool) throws {
        let explained = try F.money("100000.00") - F.money(orphan)
        let spending = FlagSpending(evidence: [
            Self.row(1, npg: "E1", monto: explained.plainText), Self.row(2, renglon: "261", monto: orphan),
        ])
        let flags = F.flags(try F.run([], ids: ["TR19"], spending: spending), "TR19")
        #expect(flags.count == (flagged ? 1 : 0))
        if let flag = flags.first {
            #expect(flag.evidence.first?.referenceKind == "INSUMO" && flag.evidence.first?.reference == "insumos.csv:3")
            #expect(flag.evidence.first?.note?.hasPrefix("sin NOG ni NPG") == true)
        }
    }

    // MARK: - TR19 (b)

    @Test(
        "TR19b: an award with no execution is flagged once `dias` days have passed by the execution cut-off",
        arguments: [("2022-12-27", true), ("2022-12-26", false), ("2023-06-30", true)])
    func awardWithoutSpending(through: String, evaluated: Bool) throws {
        // Awarded 30 June 2022: 180 days later is 27 December 2022.
        let purchase = F.purchase("100", F.date(2022, 6, 30), "50000.00")
        let spending = FlagSpending(executionThrough: through)
        let run = try F.run([purchase], ids: ["TR19"], links: [Self.unitLink], spending: spending)
        let flags = F.flags(run, "TR19").filter { $0.subject.kind == .nog }
        #expect(flags.count == (evaluated ? 1 : 0))
        #expect(flags.allSatisfy { $0.severity == .informativo && $0.amount == F.money("50000.00") })
        if !evaluated { #expect(run.indicators.first?.notes.contains { $0.contains("menos de 180 días") } == true) }
    }

    @Test(
        "TR19b: any execution row of the NOG (any kind, any year) clears it; units without execution are not evaluated")
    func awardWithSpending() throws {
        let purchases = [
            F.purchase("100", F.date(2022, 3, 1), "50000.00"), F.purchase("101", F.date(2022, 3, 1), "50000.00"),
            F.purchase("200", F.date(2022, 3, 1), "50000.00", unit: "999-9"),
        ]
        let spending = FlagSpending(
            evidence: [Self.row(1, kind: .cur, nog: "100", monto: "1.00", fecha: "2023-02-01")],
            executionThrough: "2023-02-01")
        let run = try F.run(purchases, ids: ["TR19"], links: [Self.unitLink], spending: spending)
        #expect(F.flags(run, "TR19").map(\.subject.id) == ["101"])
        #expect(run.indicators.first?.evaluated == 2)
    }

    // MARK: - TR20

    /// A unit's direct purchases: (month, day, amount).
    private func directs(_ rows: [(Int, Int, String)], modality: String = "compra_directa_oferta_electronica")
        -> [FlagPurchase]
    {
        rows.enumerated().map { index, row in
            F.purchase("9\(index)", F.date(2022, row.0, row.1), row.2, modality: modality, supplier: "S\(index)")
        }
    }

    @Test(
        "TR20: the closing share must reach cuota (one centavo under does not)",
        arguments: [("25000.00", true), ("24999.99", false)])
    func closingQuota(december: String, flagged: Bool) throws {
        let purchases = directs([(3, 10, "25000.00"), (6, 10, "25000.00"), (9, 10, "25000.00"), (12, 2, december)])
        let flags = F.flags(try F.run(purchases, ids: ["TR20"]), "TR20")
        #expect(flags.count == (flagged ? 1 : 0))
        if let flag = flags.first {
            #expect(flag.value == "0.2500" && flag.amount == F.money("25000.00") && flag.subject.id == "100-1")
            #expect(flag.evidence.map(\.reference) == ["93"])
            #expect(flag.detail.contains("diciembre Q25,000.00"))
        }
    }

    @Test(
        "TR20: the window is the last `dias` days: 2 December is in it, 1 December is not",
        arguments: [(2, true), (1, false)])
    func windowEdge(day: Int, flagged: Bool) throws {
        let purchases = directs([(3, 10, "10000.00"), (6, 10, "10000.00"), (12, day, "80000.00")])
        #expect(F.flags(try F.run(purchases, ids: ["TR20"]), "TR20").count == (flagged ? 1 : 0))
    }

    @Test(
        "TR20: the closing share must also be ≥ factor × the average share of the 11 earlier 30-day windows",
        arguments: [("30000.00", true), ("30000.01", false)])
    func factorBoundary(third: String, flagged: Bool) throws {
        // Closing Q20,000; earlier Q110,000.00 over 11 windows: 20,000 × 11 = 2 × 110,000 exactly.
        let purchases = directs([(2, 10, "40000.00"), (5, 10, "40000.00"), (8, 10, third), (12, 20, "20000.00")])
        let flags = F.flags(try F.run(purchases, ids: ["TR20"], settings: "[TR20]\ncuota = 0.1"), "TR20")
        #expect(flags.count == (flagged ? 1 : 0))
    }

    @Test(
        "TR20: purchases of 1–5 January belong to no earlier window; too few purchases or other modalities are left out"
    )
    func leftOut() throws {
        // Q60,000 on 3 January would triple the earlier average if it counted (then 20,000 × 11 < 2 × 170,000).
        let early = directs([
            (1, 3, "60000.00"), (2, 10, "40000.00"), (5, 10, "40000.00"), (8, 10, "30000.00"), (12, 20, "20000.00"),
        ])
        #expect(F.flags(try F.run(early, ids: ["TR20"], settings: "[TR20]\ncuota = 0.1"), "TR20").count == 1)
        let two = directs([(3, 10, "10000.00"), (12, 20, "90000.00")])
        let twoRun = try F.run(two, ids: ["TR20"])
        #expect(F.flags(twoRun, "TR20").isEmpty && twoRun.indicators.first?.evaluated == 0)
        let cotizaciones = directs(
            [(3, 10, "10000.00"), (6, 10, "10000.00"), (12, 20, "90000.00")], modality: "cotizacion")
        #expect(F.flags(try F.run(cotizaciones, ids: ["TR20"]), "TR20").isEmpty)
    }
}
