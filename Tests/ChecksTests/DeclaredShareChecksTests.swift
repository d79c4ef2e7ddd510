import Checks
import Domain
import Foundation
import Ledger
import TestSupport
import Testing

struct DeclaredShareChecksTests {
    private func ledgerWithTabla2(_ shares: [DeclaredShare] = SampleValues.tabla2) throws -> Ledger {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importDeclaredShares(
            shares, source: ImportSource(sourceKind: "resumen", fileName: "t2.csv", sha256: "t2", bytes: 1),
            toolVersion: "t")
        return ledger
    }

    @Test("Tabla 2's printed total of 10000 % fails the total-share check")
    func totalShare() throws {
        let result = try DeclaredTotalShareCheck().run(on: try ledgerWithTabla2(), scope: CheckScope(ejercicio: 2022))
        #expect(!result.passed)
        #expect(result.findings.first?.message == "el total declarado es 10000 % y debe ser 100 %")
        #expect(result.findings.first?.reference == "resumen 2022, línea 10")
    }

    @Test("rounded shares disagree with the computed 57.37 / 4.69 / 4.43 / 16.87 %")
    func precision() throws {
        let result = try DeclaredSharePrecisionCheck().run(
            on: try ledgerWithTabla2(), scope: CheckScope(ejercicio: 2022))
        #expect(!result.passed)
        #expect(result.examined == 5)
        let computed = result.findings.map { $0.message.components(separatedBy: " es ").last ?? "" }
        #expect(computed == ["57.37 %", "4.69 %", "4.43 %", "16.87 %"], "16.64 % is right and is not reported")
    }

    @Test("the amounts themselves sum to Q178,061,100.00 and pass")
    func amounts() throws {
        let result = try DeclaredAmountsSumCheck().run(on: try ledgerWithTabla2(), scope: CheckScope(ejercicio: 2022))
        #expect(result.passed)
        #expect(result.findings.isEmpty)
        #expect(result.examined == 1)
    }

    @Test("a summary whose rows do not add up to its total fails with the difference")
    func amountsTampered() throws {
        var shares = SampleValues.tabla2
        shares[1].amount = Money(quetzales: 102_000_000)
        let result = try DeclaredAmountsSumCheck().run(
            on: try ledgerWithTabla2(shares), scope: CheckScope(ejercicio: 2022))
        #expect(!result.passed)
        #expect(result.findings.first?.message.contains("diferencia Q153,732.00") == true)
    }

    @Test("a correct summary passes every share check")
    func correctSummary() throws {
        var shares = SampleValues.tabla2
        for (index, percent) in ["16.64", "57.37", "4.69", "4.43", "16.87", "100"].enumerated() {
            shares[index].declaredPercent = percent
        }
        let ledger = try ledgerWithTabla2(shares)
        for check in [DeclaredTotalShareCheck(), DeclaredSharePrecisionCheck(), DeclaredAmountsSumCheck()]
            as [any LedgerCheck]
        {
            let result = try check.run(on: ledger, scope: CheckScope(ejercicio: 2022))
            #expect(result.passed, "\(check.id)")
            #expect(result.findings.filter { $0.severity == .error }.isEmpty)
        }
    }

    @Test("summary amounts are compared with the products' presupuesto vigente")
    func matchMetas() throws {
        let ledger = try ledgerWithTabla2()
        let products = [
            ("P01", Int64(29_634_540)), ("P02", 102_153_732), ("P03", 8_351_601), ("P04", 7_890_351),
            ("P05", 30_030_875),
        ]
        .map { SampleValues.product($0.0, quetzales: $0.1) }
        _ = try ledger.importMetas(
            Metas(products: products), source: ImportSource(sourceKind: "metas", fileName: "m", sha256: "m", bytes: 1),
            toolVersion: "t", rowsRead: 5)
        let result = try DeclaredAmountsMatchMetasCheck().run(on: ledger, scope: CheckScope(ejercicio: 2022))
        #expect(result.examined == 5)
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.message.contains("Q30,030,875.00") == true)
    }
}
