import Checks
import Domain
import Foundation
import Ledger
import TestSupport
import Testing

struct SubproductGoalsSumCheckTests {
    private func run(_ metas: Metas) throws -> CheckResult {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importMetas(
            metas, source: ImportSource(sourceKind: "metas", fileName: "m", sha256: "m", bytes: 1), toolVersion: "t",
            rowsRead: 1)
        return try SubproductGoalsSumCheck().run(on: ledger, scope: CheckScope(ejercicio: 2022))
    }

    @Test("subproducts in the product's unit must add up to its goal; other units are left out")
    func sums() throws {
        let good = try run(
            Metas(
                products: [SampleValues.product("P05", meta: 5000), SampleValues.product("P03", meta: 4860)],
                subproducts: [
                    SampleValues.subproduct("P05-01", of: "P05", meta: 4900),
                    SampleValues.subproduct("P05-02", of: "P05", meta: 100),
                    SampleValues.subproduct("P03-01", of: "P03", meta: 4860),
                    SampleValues.subproduct("P03-02", of: "P03", unit: "Familia", meta: 1000),
                ]))
        #expect(good.passed)
        #expect(good.examined == 2)

        let bad = try run(
            Metas(
                products: [SampleValues.product("P05", meta: 5000)],
                subproducts: [
                    SampleValues.subproduct("P05-01", of: "P05", meta: 4900),
                    SampleValues.subproduct("P05-02", of: "P05", meta: 10),
                ]))
        #expect(!bad.passed)
        #expect(
            bad.findings.first?.message
                == "«Producto P05»: la meta es 5,000 Persona y sus subproductos en Persona suman 4,910")
    }
}
