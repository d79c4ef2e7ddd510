import Checks
import Domain
import Ledger

/// What following one NOG reads that is the same for every NOG of a year (metas, the year's budget lines, the
/// checks' results), kept while a caller follows many. Used from one thread at a time.
final class FollowCache {
    private var catalogByYear: [Int: Catalog] = [:]
    private var amountsByEntity: [AmountsKey: [BudgetStructure: ExecutionAmounts]] = [:]
    private var checksByYear: [Int?: [CheckResult]] = [:]

    /// The year's products and subproducts by code (the first of a repeated code), indexed once: a national year
    /// has thousands, and indexing them again for each NOG cost more than following it.
    func catalog(ejercicio: Int, ledger: Ledger) throws -> Catalog {
        if let catalog = catalogByYear[ejercicio] { return catalog }
        let metas = try ledger.metas(ejercicio: ejercicio)
        let catalog = Catalog(
            products: Dictionary(metas.products.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first }),
            subproducts: Dictionary(metas.subproducts.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first }))
        catalogByYear[ejercicio] = catalog
        return catalog
    }

    struct Catalog {
        var products: [String: Product] = [:]
        var subproducts: [String: Subproduct] = [:]
    }

    private struct AmountsKey: Hashable {
        var ejercicio: Int
        var entidad: String
    }

    /// One entity's current amounts of a year summed by budget structure (program … obra), read and added once:
    /// a structure names its entity, so the lines of the others (a national year's million) are never read.
    /// - Throws: ``Domain/MoneyOverflowError`` when a structure's amounts add up beyond 64-bit centavos.
    func amountsByStructure(ejercicio: Int, entidad: String, ledger: Ledger) throws
        -> [BudgetStructure: ExecutionAmounts]
    {
        let key = AmountsKey(ejercicio: ejercicio, entidad: entidad)
        if let amounts = amountsByEntity[key] { return amounts }
        var amounts: [BudgetStructure: ExecutionAmounts] = [:]
        for line in try ledger.currentBudgetAmounts(ejercicio: ejercicio, entidad: entidad) {
            amounts[line.key.structure] = try (amounts[line.key.structure] ?? .zero) + line.amounts
        }
        amountsByEntity[key] = amounts
        return amounts
    }

    func checkResults(year: Int?, run: () throws -> [CheckResult]) rethrows -> [CheckResult] {
        if let results = checksByYear[year] { return results }
        let results = try run()
        checksByYear[year] = results
        return results
    }
}
