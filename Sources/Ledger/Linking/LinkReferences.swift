import Domain
import Foundation
import GRDB

/// What `procurement_link` and `link_state` would refuse, checked by the linking session before it writes: a
/// pass runs with SQLite's foreign keys and checks off (``Ledger/linking(toolVersion:body:)``), so these are the
/// same rules, tested against what the pass already holds instead of looked up for every link.
///
/// A link's method and a state's status cannot be outside the schema's lists: they come from ``LinkMethod`` and
/// from whether the purchase has links. The pass holds the write lock, so a purchase it read, a product or
/// subproduct of the year and a run it began cannot disappear before it commits.
struct LinkReferences {
    /// Runs begun by this pass (the only ones its links and states may cite).
    var runs: Set<Int64> = []
    /// NOGs known to be in `procurement`.
    private var purchases: Set<String> = []
    /// Product and subproduct codes by year, read the first time a link of that year is written.
    private var products: [Int: Set<String>] = [:]
    private var subproducts: [Int: Set<String>] = [:]

    /// NOGs just read from `procurement`.
    mutating func known(_ nogs: [String]) {
        purchases.formUnion(nogs)
    }

    /// Refuses links and a state the schema would refuse: a run this pass did not begin, a purchase not in
    /// `procurement`, a product or subproduct the year lacks, a share outside 0…1.
    /// - Throws: ``LedgerError/database(path:cause:)``; the pass then rolls back.
    mutating func check(_ links: [ProcurementLink], runID: Int64, db: Database, path: String) throws {
        func refuse(_ cause: String) -> LedgerError {
            LedgerError.database(path: path, cause: "vínculo rechazado: \(cause)")
        }
        guard runs.contains(runID) else { throw refuse("la pasada \(runID) no es la que se está guardando") }
        for link in links {
            if !purchases.contains(link.nog) {
                let exists = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM procurement WHERE nog = ?)", arguments: [link.nog])
                guard exists == true else { throw refuse("el NOG \(link.nog) no está entre las compras") }
                purchases.insert(link.nog)
            }
            guard try codes(of: "product", ejercicio: link.ejercicio, db: db).contains(link.productCode) else {
                throw refuse("el producto «\(link.productCode)» no está en las metas \(link.ejercicio)")
            }
            if let subproduct = link.subproductCode,
                try !codes(of: "subproduct", ejercicio: link.ejercicio, db: db).contains(subproduct)
            {
                throw refuse("el subproducto «\(subproduct)» no está en las metas \(link.ejercicio)")
            }
            guard (0...LinkShare.scale).contains(link.share.billionths) else {
                throw refuse("la participación \(link.share.billionths) (milmillonésimas) no está entre 0 y 1")
            }
        }
    }

    /// The codes of `table` (`product` or `subproduct`) for a year.
    private mutating func codes(of table: String, ejercicio: Int, db: Database) throws -> Set<String> {
        let cached = table == "product" ? products[ejercicio] : subproducts[ejercicio]
        if let cached { return cached }
        let read = Set(
            try String.fetchAll(db, sql: "SELECT code FROM \(table) WHERE ejercicio = ?", arguments: [ejercicio]))
        if table == "product" { products[ejercicio] = read } else { subproducts[ejercicio] = read }
        return read
    }
}
