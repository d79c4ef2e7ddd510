import Domain
import Foundation
import Testing

@testable import RedFlags

/// Sums beyond 64-bit centavos (a ledger edited by hand, or a hostile file of amounts at the importers' ceiling)
/// are an error to report, never a crash: each indicator that adds amounts across purchases throws
/// ``MoneyOverflowError``, and a run with it throws without handing over a finished run.
struct OverflowTests {
    private typealias F = Fixture

    /// 25 direct purchases of one unit to one supplier, each a twentieth of the largest 64-bit amount: any sum of
    /// them all overflows.
    private let purchases: [FlagPurchase] = (1...25).map { index in
        let day = F.date(2022, 12, index)
        return F.purchase(
            "9\(index)", day, "0",
            awards: [
                FlagAward(
                    supplierID: "1234567", supplierName: "P", amount: Money(centavos: Int64.max / 20),
                    status: "active", date: day)
            ])
    }

    @Test("TR09, TR15 and TR20 add a unit's purchases: beyond 64 bits they throw instead of stopping the program")
    func indicatorsThrow() throws {
        for id in ["TR09", "TR15", "TR20"] {
            #expect(throws: MoneyOverflowError.self, "\(id)") { try F.run(purchases, ids: [id]) }
        }
        // One purchase alone is fine.
        #expect(try F.run(Array(purchases.prefix(1)), ids: ["TR09", "TR15", "TR20"]).purchasesRead == 1)
    }

    @Test("a whole run over such a year throws, and its sink never sees it finished")
    func runThrows() throws {
        final class Sink: RedFlagRunSink, @unchecked Sendable {
            private let lock = NSLock()
            private var done = false
            var finished: Bool { lock.withLock { done } }
            func raised(indicator: Int, flags: [RedFlag]) {}
            func finished(_ run: RedFlagRun, origins: [Int]) { lock.withLock { done = true } }
        }
        let sink = Sink()
        #expect(throws: MoneyOverflowError.self) {
            try RedFlagEngine().run(FlagInputs(ejercicio: 2022, purchases: purchases), sink: sink)
        }
        #expect(!sink.finished)
    }
}
