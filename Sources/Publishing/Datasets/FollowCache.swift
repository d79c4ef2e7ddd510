import Checks
import Domain
import Ledger

/// What following one NOG reads that is the same for every NOG of a year (metas, the year's budget lines, the
/// checks' results), kept while a caller follows many. Used from one thread at a time.
final class FollowCache {
    private var metasByYear: [Int: Metas] = [:]
    private var amountsByYear: [Int: [BudgetStructure: ExecutionAmounts]] = [:]
    private var checksByYear: [Int?: [CheckResult]] = [:]

    func metas(ejercicio: Int, ledger: Ledger) throws -> Metas {
        if let metas = metasByYear[ejercicio] { return metas }
        let metas = try ledger.metas(ejercicio: ejercicio)
        metasByYear[ejercicio] = metas
        return metas
    }

    /// The year's current amounts summed by budget structure (program … obra), read and added once.
    /// - Throws: ``Domain/MoneyOverflowError`` when a structure's amounts add up beyond 64-bit centavos.
    func amountsByStructure(ejercicio: Int, ledger: Ledger) throws -> [BudgetStructure: ExecutionAmounts] {
        if let amounts = amountsByYear[ejercicio] { return amounts }
        var amounts: [BudgetStructure: ExecutionAmounts] = [:]
        for line in try ledger.currentBudgetAmounts(ejercicio: ejercicio) {
            amounts[line.key.structure] = try (amounts[line.key.structure] ?? .zero) + line.amounts
        }
        amountsByYear[ejercicio] = amounts
        return amounts
    }

    func checkResults(year: Int?, run: () throws -> [CheckResult]) rethrows -> [CheckResult] {
        if let results = checksByYear[year] { return results }
        let results = try run()
        checksByYear[year] = results
        return results
    }
}
