import Domain
import Ledger
import Publishing

/// Builds the products table for a scope (shared by `report productos`, `export` and `demo`).
enum ProductsReport {
    static func table(ledger: Ledger, profile: InstitutionProfile, scope: ScopeOptions) throws -> DataTable {
        let year = try scope.resolvedYear(profile, available: ledger.metasYears())
        let filter = scope.entityFilter(profile)
        let metas = try ledger.metas(ejercicio: year, entidad: filter.entidad, unidadEjecutora: filter.unidadEjecutora)
        if metas.products.isEmpty {
            throw CommandError.message("no hay productos del ejercicio \(year) para \(profile.displayName)")
        }
        return try ProductsTable.build(metas, title: "Productos y subproductos \(year) — \(profile.displayName)")
    }
}
