import Domain
import Foundation
import Ledger
import RedFlags
import Testing

/// The ledger side: lean flag inputs read with set-based queries from whatever sources were imported (OCDS-shaped
/// processes, flat-export processes without unit codes, NPG purchases from input-level execution), and runs stored
/// and read back.
struct LedgerFlowTests {
    private typealias F = Fixture

    private func date(_ month: Int, _ day: Int, year: Int = 2022) -> Date { F.date(year, month, day) }

    /// An OCDS-shaped process: unit code, items, bids, one award.
    private func ocds(_ nog: String, _ day: Date, _ amount: String, supplier: String = "733506984") -> Procurement {
        Procurement(
            nog: nog, ocid: Procurement.ocid(forNOG: nog), title: "ALIMENTOS PERECEDEROS", buyerEntityCode: "11130016",
            buyerEntityName: "SOSEP", buyingUnitCode: "436-2", buyingUnitName: "DEPARTAMENTO DE COMPRAS",
            modalityCode: "compra_directa_oferta_electronica", status: "Adjudicado", publishedAt: day,
            tenderEndAt: day.addingTimeInterval(86_400), awardedAt: day.addingTimeInterval(2 * 86_400),
            items: [
                ProcurementItem(
                    description: "Pollo", classificationScheme: "UNSPSC", classificationID: "50131700",
                    quantity: 10, unitName: "Libra")
            ],
            bids: [
                ProcurementBid(
                    tenderer: Supplier(partyID: "GT-NIT-\(supplier)", name: "S"), amount: F.money(amount),
                    status: "valid")
            ],
            awards: [
                Award(
                    supplier: Supplier(partyID: "GT-NIT-\(supplier)", name: "SUMINISTROS"), amount: F.money(amount),
                    status: "active", date: day.addingTimeInterval(2 * 86_400))
            ])
    }

    /// A flat-export process: names only, no unit code, no items or bids.
    private func flat(_ nog: String, _ day: Date, _ amount: String, supplier: String = "733506984") -> Procurement {
        Procurement(
            nog: nog, title: "ALIMENTOS", buyerEntityName: "SOSEP", buyingUnitName: "DEPARTAMENTO DE COMPRAS",
            modalityCode: "compra_directa_oferta_electronica", status: "Adjudicado", publishedAt: day, awardedAt: day,
            awards: [
                Award(
                    supplier: Supplier(scheme: .nit, identifier: supplier, name: "SUMINISTROS"), amount: F.money(amount)
                )
            ])
    }

    private func ledger(procurements: [Procurement], evidence: [LinkEvidence]) throws -> Ledger {
        let ledger = try Ledger.inMemory()
        try ledger.storeForTests(procurements: procurements, evidence: evidence)
        return ledger
    }

    private func insumo(
        nog: String? = nil, npg: String? = nil, renglon: String, nit: String = "733506984", monto: String,
        fecha: String,
        programa: String = "11", line: Int
    ) -> LinkEvidence {
        LinkEvidence(
            kind: .insumo, ejercicio: Int(fecha.prefix(4)), nog: nog, npg: npg, entidad: "11130016",
            unidadEjecutora: "208",
            programa: programa, renglon: Renglon(rawValue: renglon), nit: nit, proveedor: "SUMINISTROS",
            monto: F.money(monto),
            fecha: fecha, sourceLine: line)
    }

    @Test("flag inputs carry every child row, renglón amounts from execution, and NPG purchases from evidence")
    func inputs() throws {
        let ledger = try ledger(
            procurements: [
                ocds("100", date(6, 1), "60000.00"), flat("101", date(6, 2), "40000.00"),
                ocds("099", date(12, 1, year: 2021), "1000.00"),
                // Published in 2021, awarded in 2022: read for both years.
                {
                    var late = ocds("098", date(12, 20, year: 2021), "5000.00")
                    late.awardedAt = date(1, 10)
                    return late
                }(),
            ],
            evidence: [
                insumo(nog: "100", renglon: "211", monto: "50000.00", fecha: "2022-06-10", line: 2),
                insumo(nog: "100", renglon: "211", monto: "10000.00", fecha: "2022-06-11", line: 3),
                insumo(npg: "E123", renglon: "211", monto: "20000.00", fecha: "2022-06-04", line: 4),
                insumo(npg: "E123", renglon: "291", monto: "4000.00", fecha: "2022-06-05", line: 5),
                insumo(npg: "E999", renglon: "211", monto: "1.00", fecha: "2021-06-05", line: 6),
            ])
        let inputs = try ledger.flagInputs(ejercicio: 2022)
        #expect(inputs.purchases.map(\.reference).sorted() == ["098", "100", "101", "E123"])
        let ocdsPurchase = try #require(inputs.purchases.first { $0.reference == "100" })
        #expect(ocdsPurchase.items.map(\.classificationID) == ["50131700"])
        #expect(ocdsPurchase.bids.map(\.tendererID) == ["733506984"])
        #expect(ocdsPurchase.awards.map(\.amount) == [F.money("60000.00")])
        #expect(
            ocdsPurchase.renglones == [
                FlagRenglonAmount(renglon: Renglon(rawValue: "211")!, programa: "11", amount: F.money("60000.00"))
            ])
        let npg = try #require(inputs.purchases.first { $0.reference == "E123" })
        #expect(npg.kind == .npg)
        #expect(npg.awards.map(\.amount) == [F.money("24000.00")])
        #expect(npg.renglones.count == 2)
        #expect(npg.awardedAt == ProcurementDate.date(year: 2022, month: 6, day: 4))
        #expect(inputs.unitLinks.map(\.unitCode) == ["436-2"])
        #expect(inputs.supplierHistory["733506984"]?.processes == 6)  // 4 NOG + 2 NPG (E123 and E999), all before 2023
        #expect(inputs.coverageStart == ProcurementDate.date(year: 2021, month: 6, day: 5))
    }

    @Test("a split across a flat-export NOG, an OCDS NOG and an NPG from execution is one episode of one unit")
    func splitAcrossSources() throws {
        let ledger = try ledger(
            procurements: [ocds("100", date(6, 1), "40000.00"), flat("101", date(6, 3), "40000.00")],
            evidence: [
                insumo(nog: "100", renglon: "211", monto: "40000.00", fecha: "2022-06-10", line: 2),
                insumo(npg: "E1", renglon: "211", monto: "20000.00", fecha: "2022-06-05", line: 3),
            ])
        let run = try RedFlagEngine().run(try ledger.flagInputs(ejercicio: 2022), ids: ["TR02"])
        let flag = try #require(run.flags.first)
        #expect(run.flags.count == 1)
        #expect(Set(flag.evidence.map(\.reference)) == ["100", "101", "E1"])
        #expect(flag.amount == F.money("100000.00"))
        #expect(flag.severity == .alto)
        #expect(flag.subject.label.hasPrefix("DEPARTAMENTO DE COMPRAS"))
    }

    @Test("a stored run reads back with the same flags and evidence, keyed by its parameters' hash")
    func storeAndRead() throws {
        let ledger = try ledger(
            procurements: [ocds("100", date(6, 1), "60000.00"), ocds("101", date(6, 2), "60000.00")], evidence: [])
        let run = try RedFlagEngine().run(try ledger.flagInputs(ejercicio: 2022))
        #expect(!run.flags.isEmpty)
        let stored = try ledger.storeRedFlagRun(run, toolVersion: "t", startedAt: Date())
        let id = try #require(stored.id)
        #expect(try ledger.redFlags(runID: id) == run.flags)
        let runs = try ledger.redFlagRuns(ejercicio: 2022)
        #expect(runs.map(\.parametersHash) == [run.parametersHash])
        #expect(runs.first?.flags == run.flags.count)
        #expect(runs.first?.indicatorIDs.hasPrefix("TR01,TR02,TR03") == true)
        // Running again with the same parameters over the same ledger gives the same flags.
        let again = try RedFlagEngine().run(try ledger.flagInputs(ejercicio: 2022))
        #expect(again.flags == run.flags && again.parametersHash == run.parametersHash)
    }
}
