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
            let accepted = metas.products.count + metas.subproducts.count + metas.executed.count
            return .commit(
                ImportCounts(rowsRead: rowsRead, rowsAccepted: accepted, rowsRejected: max(0, rowsRead - accepted)))
        }
    }

    /// The products and subproducts of a fiscal year, optionally narrowed to one entidad / unidad ejecutora,
    /// in the order they were imported, with each one's executed goal at the latest cut-off up to `month` (the
    /// latest of all when nil).
    public func metas(ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil, month: Int? = nil)
        throws -> Metas
    {
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
            let codes = productCodes.union(subproducts.map(\.code))
            var latest: [String: ExecutedGoal] = [:]
            let executed = try ExecutedGoalRecord.filter(ExecutedGoalRecord.Columns.ejercicio == ejercicio)
                .filter(ExecutedGoalRecord.Columns.mes <= (month ?? 12)).order(ExecutedGoalRecord.Columns.mes)
                .fetchAll(db)
            for record in executed where codes.contains(record.code) { latest[record.code] = try record.goal() }
            let order = products.map(\.code) + subproducts.map(\.code)
            return Metas(products: products, subproducts: subproducts, executed: order.compactMap { latest[$0] })
        }
    }

    /// Every executed goal of a fiscal year, all cut-offs, by code and month.
    public func executedGoals(ejercicio: Int) throws -> [ExecutedGoal] {
        try read { db in
            try ExecutedGoalRecord.filter(ExecutedGoalRecord.Columns.ejercicio == ejercicio)
                .order(ExecutedGoalRecord.Columns.code, ExecutedGoalRecord.Columns.mes).fetchAll(db).map {
                    try $0.goal()
                }
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
    /// The executed goals whose code is neither a product or subproduct of `metas` nor one already in the ledger
    /// for the same fiscal year.
    public func unknownGoals(_ metas: Metas) throws -> [ExecutedGoal] {
        let inFile = Set(metas.products.map { "\($0.ejercicio)/\($0.code)" })
            .union(metas.subproducts.map { "\($0.ejercicio)/\($0.code)" })
        return try metas.executed.filter { goal in
            guard !inFile.contains("\(goal.ejercicio)/\(goal.code)") else { return false }
            let stored = try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM product WHERE ejercicio = ?1 AND code = ?2)
                         + (SELECT COUNT(*) FROM subproduct WHERE ejercicio = ?1 AND code = ?2)
                    """, arguments: [goal.ejercicio, goal.code])
            return (stored ?? 0) == 0
        }
    }

    /// Writes products and subproducts keyed by (ejercicio, code): a changed file updates them in place (the
    /// earlier run stays in `import_run`), the same content counts as unchanged. Executed goals are keyed by
    /// (ejercicio, code, cut-off month): a later cut-off adds a row, the same cut-off replaces its quantity.
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
        for goal in metas.executed {
            var record = ExecutedGoalRecord(goal, importRunID: importRunID)
            let existing = try ExecutedGoalRecord.filter(ExecutedGoalRecord.Columns.ejercicio == goal.ejercicio)
                .filter(ExecutedGoalRecord.Columns.code == goal.code)
                .filter(ExecutedGoalRecord.Columns.mes == goal.mes).fetchOne(db)
            tally(existing: existing.map { $0.sameContent(as: record) })
            record.id = existing?.id
            try record.save(db)
        }
    }
}
