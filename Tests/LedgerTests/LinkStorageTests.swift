import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ledger

struct LinkStorageTests {
    private func ledger() throws -> Ledger {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importMetas(
            Metas(
                products: [SampleValues.product("P02")],
                subproducts: [SampleValues.subproduct("P02-01", of: "P02", meta: 100)]),
            source: ImportSource(sourceKind: "metas", fileName: "m.csv", sha256: "m", bytes: 1), toolVersion: "t",
            rowsRead: 2)
        _ = try ledger.importing(
            ImportSource(sourceKind: "ocds", fileName: "o.json", sha256: "o", bytes: 1), toolVersion: "t"
        ) { session in
            try session.procurements().upsert(Procurement(nog: "100", title: "COMPRA"))
            return .commit(ImportCounts(rowsRead: 1, rowsAccepted: 1))
        }
        return ledger
    }

    private let link = ProcurementLink(
        ejercicio: 2022, nog: "100", productCode: "P02", subproductCode: "P02-01", renglon: Renglon(rawValue: "211"),
        supplierID: "421450878", method: .evidence, share: LinkShare(billionths: 700_000_000),
        amount: Money(centavos: 123_45),
        provenance: LinkProvenance(evidenceIDs: [3, 4], label: "vinculos.csv:3, 4"), dependsOn: [1, 2], note: "nota")

    private func write(_ ledger: Ledger, _ links: [ProcurementLink], commit: Bool = true) throws {
        try ledger.linking(toolVersion: "t") { session in
            let run = try session.beginRun(ejercicio: 2022, mode: .full, inputsDigest: "d", importWatermark: 2)
            try session.write(
                nog: "100", ejercicio: 2022, links: links, unlinked: nil, digest: "x", runID: run, replacing: true)
            return (commit ? .commit : .rollback, ())
        }
    }

    @Test("an incremental pass's summary, the previous totals plus what it replaced, wrote and removed, is a recount")
    func incrementalTotals() throws {
        let ledger = try ledger()
        _ = try ledger.importing(
            ImportSource(sourceKind: "ocds", fileName: "p.json", sha256: "p", bytes: 1), toolVersion: "t"
        ) { session in
            for nog in ["200", "300"] { try session.procurements().upsert(Procurement(nog: nog, title: "OTRA")) }
            return .commit(ImportCounts(rowsRead: 2, rowsAccepted: 2))
        }
        func links(_ nog: String, _ method: LinkMethod, _ amounts: [Int64]) -> [ProcurementLink] {
            amounts.map {
                var made = link
                made.nog = nog
                made.method = method
                made.amount = Money(centavos: $0)
                return made
            }
        }
        // Each pass: (NOG, links or nil for unlinked, replacing) written, then NOGs removed.
        let passes: [(mode: LinkRun.Mode, writes: [(String, [ProcurementLink]?, Bool)], removals: [String])] = [
            (.full, [("100", links("100", .evidence, [10, 20]), false), ("200", nil, false)], []),
            (.incremental, [("200", links("200", .rule, [5]), true), ("300", links("300", .manual, [7]), false)], []),
            (.incremental, [("100", nil, true)], ["300"]),
            (.incremental, [("300", links("300", .rule, [0]), false)], ["200"]),
        ]
        for pass in passes {
            let (summary, recount) = try ledger.linking(toolVersion: "t") { session in
                let run = try session.beginRun(
                    ejercicio: 2022, mode: pass.mode, inputsDigest: "d", importWatermark: 3)
                for (nog, written, replacing) in pass.writes {
                    let unlinked =
                        written == nil ? UnlinkedProcurement(ejercicio: 2022, nog: nog, reason: .noEvidence) : nil
                    try session.write(
                        nog: nog, ejercicio: 2022, links: written ?? [], unlinked: unlinked, digest: "x", runID: run,
                        replacing: replacing)
                }
                for nog in pass.removals { try session.remove(nog: nog, ejercicio: 2022) }
                try session.finish(run, examined: 0, written: 0, removed: 0)
                return (.commit, (try session.summary(ejercicio: 2022), try session.countedTotals(ejercicio: 2022)))
            }
            #expect(summary == recount.summary, "\(pass.mode)")
        }
        // Outside a pass that finished (one with nothing new), the summary is the last pass's stored totals.
        let (last, counted) = try ledger.linking(toolVersion: "t") {
            (.rollback, (try $0.summary(ejercicio: 2022), try $0.countedTotals(ejercicio: 2022).summary))
        }
        #expect(last == counted)
        #expect(last.byMethod[.rule] == LinkSummary.Tally(purchases: 1, amount: .zero), "a link of zero still shows")
        #expect(last.byMethod[.evidence] == nil && last.byMethod[.manual] == nil && last.unlinked == 1)
    }

    @Test("a link is stored and read back whole, with its provenance and the runs it depends on")
    func roundTrip() throws {
        let ledger = try ledger()
        try write(ledger, [link])
        #expect(try ledger.links(ejercicio: 2022) == [link])
        #expect(try ledger.links(nog: "100").count == 1)
        #expect(try ledger.linkRuns().map(\.mode) == [.full])
        try write(ledger, [link], commit: false)
        #expect(try ledger.linkRuns().count == 1, "a rolled-back pass leaves nothing")
    }

    @Test("a pass refuses a link to a purchase, product or subproduct the ledger lacks, or a share above 1")
    func invariants() throws {
        let ledger = try ledger()
        var unknown = link
        unknown.productCode = "P09"
        #expect(throws: (any Error).self) { try write(ledger, [unknown]) }
        var wrongSub = link
        wrongSub.subproductCode = "P09-01"
        #expect(throws: (any Error).self) { try write(ledger, [wrongSub]) }
        var tooMuch = link
        tooMuch.share = LinkShare(billionths: 1_000_000_001)
        #expect(throws: (any Error).self) { try write(ledger, [tooMuch]) }
        var noPurchase = link
        noPurchase.nog = "999"
        #expect(throws: (any Error).self) { try write(ledger, [noPurchase]) }
        #expect(try ledger.links().isEmpty)
    }

    @Test("a pass refuses a run it did not begin, and leaves SQLite's foreign keys and checks on after it")
    func enforcementAfterPass() throws {
        let ledger = try ledger()
        #expect(throws: (any Error).self) {
            try ledger.linking(toolVersion: "t") { session in
                try session.write(
                    nog: "100", ejercicio: 2022, links: [link], unlinked: nil, digest: "x", runID: 99, replacing: false)
                return (.commit, ())
            }
        }
        try write(ledger, [link])
        #expect(try ledger.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } == 1)
        #expect(try ledger.read { try Int.fetchOne($0, sql: "PRAGMA ignore_check_constraints") } == 0)
        #expect(try ledger.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }.isEmpty)
        #expect(try ledger.links().count == 1)
    }

    @Test("current budget amounts pick each line's latest cut-off, lean, with months only when asked")
    func budgetAmounts() throws {
        let ledger = try ledger()
        func snapshot(month: Int, vigente: Int64) -> ExecutionSnapshot {
            let key = BudgetKey(
                ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
                proyecto: "000",
                actividad: "001", obra: "000", renglon: Renglon(rawValue: "211")!, fuente: "11",
                ubicacionGeografica: "0101")
            return ExecutionSnapshot(
                cutoff: ExecutionCutoff(ejercicio: 2022, mes: month),
                lines: [
                    BudgetLine(
                        key: key,
                        amounts: ExecutionAmounts(
                            asignado: Money(quetzales: vigente), modificado: .zero, vigente: Money(quetzales: vigente),
                            devengado: Money(quetzales: 10), pagado: .zero,
                            devengadoMensual: [month: Money(quetzales: 10)]), sourceLine: 2)
                ])
        }
        _ = try ledger.importExecution(
            snapshot(month: 6, vigente: 500),
            source: ImportSource(sourceKind: "ejecucion", fileName: "junio", sha256: "j", bytes: 1), toolVersion: "t",
            rowsRead: 1)
        _ = try ledger.importExecution(
            snapshot(month: 3, vigente: 300),
            source: ImportSource(sourceKind: "ejecucion", fileName: "marzo", sha256: "m3", bytes: 1), toolVersion: "t",
            rowsRead: 1)
        let lean = try ledger.currentBudgetAmounts(ejercicio: 2022)
        #expect(
            lean.map(\.amounts.vigente) == [Money(quetzales: 500)],
            "June is the latest cut-off even though March came later")
        #expect(lean.first?.amounts.devengadoMensual.isEmpty == true)
        let withMonths = try ledger.currentBudgetAmounts(ejercicio: 2022, months: true)
        #expect(withMonths.first?.amounts.devengadoMensual == [6: Money(quetzales: 10)])
        #expect(
            withMonths.map(\.amounts.vigente) == (try ledger.currentBudgetLines(ejercicio: 2022)).map(\.amounts.vigente)
        )
    }
}
