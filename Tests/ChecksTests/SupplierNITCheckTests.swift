import Checks
import Domain
import Foundation
import Ledger
import Testing

/// `proveedores.nit` read award by award: one finding per failing NIT with its first supplier name (by NOG) and
/// its NOGs once each; passing NITs, and suppliers under other schemes, are counted or skipped without findings.
struct SupplierNITCheckTests {
    private static func purchase(_ nog: String, _ suppliers: [Supplier]) -> Procurement {
        var purchase = Procurement(nog: nog, title: "COMPRA \(nog)", buyingUnitCode: "436-2", status: "Adjudicado")
        if case .date(let date) = ProcurementDate.parse("2022-03-01") { purchase.publishedAt = date }
        purchase.awards = suppliers.map { Award(supplier: $0, amount: Money(centavos: 1_00), status: "active") }
        return purchase
    }

    private static func ledger() throws -> Ledger {
        let ledger = try Ledger.inMemory()
        let wrong = "421450879"  // should end in 8
        func nit(_ identifier: String, _ name: String) -> Supplier {
            Supplier(scheme: .nit, identifier: identifier, name: name)
        }
        _ = try ledger.importing(
            ImportSource(sourceKind: "compras", fileName: "compras.csv", sha256: "c", bytes: 1), toolVersion: "t"
        ) { session in
            let sink = session.procurements()
            try sink.upsert(purchase("30", [nit(wrong, "SEGUNDO NOMBRE")]), policy: .overlay)
            try sink.upsert(
                purchase("10", [nit(wrong, "PRIMER  NOMBRE"), nit(wrong, "OTRO"), nit("421450878", "BIEN")]),
                policy: .overlay)
            try sink.upsert(purchase("20", [nit("ABC", "SIN FORMA")]), policy: .overlay)
            try sink.upsert(
                purchase("40", [Supplier(scheme: .cisp, identifier: "12", name: "EXTRANJERO")]), policy: .overlay)
            for nog in 50..<56 { try sink.upsert(purchase(String(nog), [nit(wrong, "OTRO")]), policy: .overlay) }
            return .commit(ImportCounts(rowsRead: 10, rowsAccepted: 10))
        }
        return ledger
    }

    @Test("each failing NIT once, named as in its first NOG, with its NOGs once each; other schemes skipped")
    func findings() throws {
        let result = try SupplierNITCheck().run(on: Self.ledger(), scope: CheckScope())
        #expect(result.examined == 3, "three NITs: the wrong one, the malformed one and the right one")
        #expect(result.findings.map(\.reference) == ["proveedor 421450879", "proveedor ABC"])
        let wrong = try #require(result.findings.first)
        #expect(wrong.message.hasPrefix("el NIT 421450879 de «PRIMER NOMBRE» no pasa el dígito verificador"))
        #expect(wrong.message.hasSuffix("adjudicado en 8 NOG: 10, 30, 50, 51, 52…"))
        let nogs = ["10", "30", "50", "51", "52", "53", "54", "55"]
        #expect(wrong.rows == [.supplier("421450879")] + nogs.map(FindingRow.nog))
        #expect(result.findings.last?.message.contains("«SIN FORMA» no tiene forma de NIT") == true)
    }
}
