import Checks
import Foundation
import Publishing
import Testing

/// `check --only` runs only the checks asked for, with the same results they give in a full run.
struct CheckResultsTests {
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
