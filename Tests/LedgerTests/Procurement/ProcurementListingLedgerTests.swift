import Domain
import Foundation
import Testing

@testable import Ledger

/// The `compras` listing and the totals read straight from SQL against the same processes materialized whole
/// (``Ledger/forEachProcurement(_:withEvidence:batchSize:_:)``): several awards, contracts, items and suppliers
/// per NOG, cancelled awards, awards and contracts without amount, contracts without number, evidence naming
/// one renglón twice.
struct ProcurementListingLedgerTests {
    private static func day(_ month: Int, _ day: Int, year: Int = 2022) -> Date? {
        ProcurementDate.date(year: year, month: month, day: day, hour: 10)
    }

    private static func award(_ nit: String, _ quetzales: Int64?, status: String?) -> Award {
        Award(
            id: "GT-ADJ-\(nit)", supplier: Supplier(partyID: "GT-NIT-\(nit)", name: "PROVEEDOR \(nit), S.A."),
            amount: quetzales.map { Money(quetzales: $0) }, status: status, statusDetails: "Habilitado",
            date: day(3, 10))
    }

    /// Four processes of 2022 and one of 2021, stored in an order other than the listing's.
    static func processes() -> [Procurement] {
        var several = Procurement(
            nog: "16000003", ocid: Procurement.ocid(forNOG: "16000003"), title: "ALIMENTOS",
            buyerEntityCode: "11130016", buyerEntityName: "SOSEP", buyingUnitCode: "436-2", buyingUnitName: "COMPRAS",
            modalityCode: "cotizacion", modalityText: "Cotización (Art. 38 LCE)", status: "Adjudicado",
            ocdsStatus: "complete", category: "goods", publishedAt: day(3, 1), awardedAt: day(3, 10),
            items: [
                ProcurementItem(id: "1", description: "Frijol", quantity: 10, unitName: "Quintal"),
                ProcurementItem(id: "2", description: "Arroz", quantity: 5, unitName: "Quintal"),
            ],
            parties: [
                Party(id: "GT-NIT-101", name: "PROVEEDOR 101, S.A.", roles: ["supplier"]),
                Party(id: "GT-NIT-102", name: "PROVEEDOR 102, S.A.", roles: ["supplier", "tenderer"]),
            ],
            awards: [
                award("101", 1_500, status: "active"), award("102", 900, status: "CANCELLED"),
                award("103", nil, status: "active"), award("104", 250, status: nil),
            ],
            contracts: [
                Contract(
                    id: "c1", contractNumber: "CONT-09-2022", dateSigned: day(3, 20), amount: Money(quetzales: 1_500),
                    periodStart: day(4, 1), periodEnd: day(6, 30)),
                Contract(id: "c2", contractNumber: "", dateSigned: day(3, 15), amount: nil, periodStart: day(3, 25)),
                Contract(
                    id: "c3", contractNumber: "CONT-02-2022", amount: Money(centavos: 25_050),
                    periodEnd: day(7, 15)),
            ])
        several.releaseIDs = ["GT-NOG-16000003-T1"]
        let plain = Procurement(
            nog: "16000001", title: "SILLAS", modalityCode: "compra_directa_oferta_electronica", status: "Evaluación",
            publishedAt: day(5, 2))
        let awardedOnly = Procurement(
            nog: "16000002", title: "MESAS", modalityCode: nil, modalityText: "Modalidad desconocida",
            status: "Adjudicado", awardedAt: day(2, 5),
            awards: [award("105", 700, status: "unsuccessful")],
            contracts: [Contract(id: "c4", contractNumber: "CONT-01", dateSigned: day(2, 8))])
        let reversedPeriod = Procurement(
            nog: "16000004", title: "PAPEL", modalityCode: "cotizacion", status: "Adjudicado", publishedAt: day(3, 1),
            awards: [award("106", 300, status: "active"), award("107", 200, status: "active")],
            contracts: [Contract(id: "c5", periodStart: day(9, 1), periodEnd: day(8, 1))])
        let otherYear = Procurement(
            nog: "15000001", title: "VIEJO", modalityCode: "cotizacion", status: "Adjudicado",
            publishedAt: day(6, 1, year: 2021), awards: [award("108", 10, status: "active")])
        return [several, plain, awardedOnly, reversedPeriod, otherYear]
    }

    static func ledger(_ processes: [Procurement] = processes()) throws -> Ledger {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importProcurements(source: source("a"), rows: processes.count) { sink in
            for procurement in processes { try sink.upsert(procurement) }
        }
        let evidence = [("211", "16000003"), ("122", "16000003"), ("211", "16000003"), ("211", "16000004")].enumerated()
            .map { index, pair in
                LinkEvidence(
                    kind: .insumo, ejercicio: 2022, nog: pair.1, renglon: Renglon(rawValue: pair.0),
                    monto: Money(quetzales: 1), sourceLine: index + 2)
            }
        _ = try ledger.importLinkEvidence(
            evidence, source: ImportSource(sourceKind: "vinculos", fileName: "v.csv", sha256: "v", bytes: 1),
            toolVersion: "t", rowsRead: evidence.count)
        return ledger
    }

    @Test("each listing row says what the materialized process and its evidence say, in the same order")
    func listingMatchesMaterialized() throws {
        let ledger = try Self.ledger()
        let selection = ProcurementSelection(year: 2022)
        var materialized: [(Procurement, [LinkEvidence])] = []
        try ledger.forEachProcurement(selection, withEvidence: true) { materialized.append(($0, $1)) }
        var listed: [ProcurementListingRow] = []
        try ledger.forEachProcurementListingRow(selection) { listed.append($0) }
        #expect(listed.map(\.procurement.nog) == ["16000002", "16000003", "16000004", "16000001"])
        #expect(listed.map(\.procurement.nog) == materialized.map(\.0.nog))
        for (row, (procurement, evidence)) in zip(listed, materialized) {
            var process = procurement
            (process.items, process.parties, process.bids, process.awards, process.contracts) = ([], [], [], [], [])
            (process.description, process.tenderEndAt, process.lastUpdatedAt, process.releaseIDs) = (nil, nil, nil, [])
            #expect(row.procurement == process)
            #expect(row.awards == procurement.awards.count)
            #expect(row.awardedTotal == (try procurement.awardedTotal))
            let contracts = procurement.contracts
            #expect(row.contractNumbers == contracts.compactMap(\.contractNumber).filter { !$0.isEmpty })
            #expect(row.contractSigned == contracts.compactMap(\.dateSigned).min())
            #expect(row.contractStart == contracts.compactMap(\.periodStart).min())
            #expect(row.contractEnd == contracts.compactMap(\.periodEnd).max())
            let amounts = contracts.compactMap(\.amount)
            #expect(row.contractedTotal == (amounts.isEmpty ? nil : try Money.sum(amounts)))
            #expect(row.renglones == Set(evidence.compactMap { $0.renglon?.rawValue }).sorted())
        }
        // The same facts stated outright, so the comparison above cannot pass on two empty listings.
        let several = try #require(listed.first { $0.procurement.nog == "16000003" })
        #expect(several.awards == 4)
        #expect(several.awardedTotal == Money(quetzales: 1_750))
        #expect(several.contractNumbers == ["CONT-09-2022", "CONT-02-2022"])
        #expect(several.contractSigned == Self.day(3, 15))
        #expect(several.contractStart == Self.day(3, 25))
        #expect(several.contractEnd == Self.day(7, 15))
        #expect(several.contractedTotal == Money(centavos: 175_050))
        #expect(several.renglones == ["122", "211"])
        let awardedOnly = try #require(listed.first { $0.procurement.nog == "16000002" })
        #expect(awardedOnly.awardedTotal == nil && awardedOnly.awards == 1)
        #expect(awardedOnly.contractNumbers == ["CONT-01"] && awardedOnly.contractedTotal == nil)
    }

    @Test("totals by modality and by status from GROUP BY equal the totals of the materialized processes")
    func totalsMatchMaterialized() throws {
        let ledger = try Self.ledger()
        let selection = ProcurementSelection(year: 2022)
        var processes: [Procurement] = []
        try ledger.forEachProcurement(selection) { procurement, _ in processes.append(procurement) }
        let label = { (code: String) in "«\(code)»" }
        let byModality = try ledger.procurementTotals(selection, by: .modality, label: label)
        #expect(byModality == (try ProcurementTotals(processes, key: \.modalityCode, label: label)))
        #expect(byModality.rows.map(\.key) == ["cotizacion", "(sin dato)", "compra_directa_oferta_electronica"])
        #expect(byModality.total.awardedAmount == Money(quetzales: 2_250))
        #expect(byModality.total.awardsWithoutAmount == 1 && byModality.total.awardedProcesses == 2)
        let byStatus = try ledger.procurementTotals(selection, by: .status, label: { $0 })
        #expect(byStatus == (try ProcurementTotals(processes, key: \.status, label: { $0 })))
    }

    @Test("amounts beyond 64-bit centavos: the listing and the totals throw MoneyOverflowError, never trap")
    func overflow() throws {
        let huge = Money(centavos: 5_000_000_000_000_000_000)
        let process = Procurement(
            nog: "16000009", title: "X", modalityCode: "cotizacion", publishedAt: Self.day(3, 1),
            awards: [
                Award(supplier: Supplier(partyID: "GT-NIT-1", name: "A"), amount: huge, status: "active"),
                Award(supplier: Supplier(partyID: "GT-NIT-2", name: "B"), amount: huge, status: "active"),
            ])
        let ledger = try Self.ledger([process])
        #expect(throws: MoneyOverflowError(lhs: huge, rhs: huge, operation: .addition)) {
            try ledger.forEachProcurementListingRow(ProcurementSelection(year: 2022)) { _ in }
        }
        #expect(throws: MoneyOverflowError(lhs: huge, rhs: huge, operation: .addition)) {
            try ledger.procurementTotals(ProcurementSelection(year: 2022), by: .modality, label: { $0 })
        }
    }
}
