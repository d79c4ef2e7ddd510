import Domain
import Foundation
import GRDB

extension Ledger {
    /// Imports products and subproducts as one run (see ``ImportSession/writeMetas(_:)``).
    public func importMetas(
        _ metas: Metas, source: ImportSource, toolVersion: String, rowsRead: Int, diagnostics: [Diagnostic] = []
    ) throws -> ImportOutcome {
        try importing(source, toolVersion: toolVersion) { session in
            try session.writeMetas(metas)
            for diagnostic in diagnostics where diagnostic.severity != .info { try session.note(diagnostic) }
            let accepted = metas.products.count + metas.subproducts.count
            return .commit(
                ImportCounts(rowsRead: rowsRead, rowsAccepted: accepted, rowsRejected: max(0, rowsRead - accepted)))
        }
    }

    /// The products and subproducts of a fiscal year, optionally narrowed to one entidad / unidad ejecutora,
    /// in the order they were imported.
    public func metas(ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil) throws -> Metas {
        try read { db in
            let directorates = try DirectorateRecord.fetchAll(db).reduce(into: [String: Directorate]()) {
                $0[$1.code] = $1.directorate
            }
            let products = try ProductRecord.all().filter(ejercicio: ejercicio)
                .filter(entidad: entidad, unidadEjecutora: unidadEjecutora).order(Column("id")).fetchAll(db)
                .map {
                    try $0.product(
                        directorate: directorates[$0.directorateCode]
                            ?? Directorate(code: $0.directorateCode, name: $0.directorateCode))
                }
            let productCodes = Set(products.map(\.code))
            let subproducts = try SubproductRecord.filter(SubproductRecord.Columns.ejercicio == ejercicio)
                .order(Column("id")).fetchAll(db).map { try $0.subproduct() }.filter {
                    productCodes.contains($0.productCode)
                }
            return Metas(products: products, subproducts: subproducts)
        }
    }

    /// The fiscal years that have products, newest first.
    public func metasYears() throws -> [Int] {
        try read { db in
            try Int.fetchAll(db, sql: "SELECT DISTINCT ejercicio FROM product ORDER BY ejercicio DESC")
        }
    }
}

extension ImportSession {
    /// Writes products and subproducts keyed by (ejercicio, code): a changed file updates them in place (the
    /// earlier run stays in `import_run`), the same content counts as unchanged.
    public func writeMetas(_ metas: Metas) throws {
        for directorate in metas.directorates {
            try DirectorateRecord(directorate, importRunID: importRunID).upsert(db)
        }
        for product in metas.products {
            var record = ProductRecord(product, importRunID: importRunID)
            let existing = try ProductRecord.filter(ProductRecord.Columns.ejercicio == product.ejercicio)
                .filter(ProductRecord.Columns.code == product.code).fetchOne(db)
            tally(existing: existing.map { $0.sameContent(as: record) })
            record.id = existing?.id
            try record.save(db)
        }
        for subproduct in metas.subproducts {
            var record = SubproductRecord(subproduct, importRunID: importRunID)
            let existing = try SubproductRecord.filter(SubproductRecord.Columns.ejercicio == subproduct.ejercicio)
                .filter(SubproductRecord.Columns.code == subproduct.code).fetchOne(db)
            tally(existing: existing.map { $0.sameContent(as: record) })
            record.id = existing?.id
            try record.save(db)
        }
    }
}
