import Domain
import GRDB

extension Migrations {
    /// Lookups a national ledger needs to publish one institution:
    /// - links by NOG whatever their year: following a NOG (`seguir`, the portal's page per NOG) asks one NOG at a
    ///   time, and the (ejercicio, nog) index cannot serve a lookup without the year, so each read every link;
    /// - the buyer's entity and unit names folded (``SearchText/fold(_:)``) and indexed: a profile that places
    ///   purchases by name (flat exports carry no codes) otherwise folds every stored name on every query.
    static func v13BuyerLookups(_ db: Database) throws {
        try db.create(index: "procurement_link_on_nog", on: "procurement_link", columns: ["nog"])
        try db.alter(table: "procurement") { t in
            t.add(column: "buyer_entity_folded", .text)
            t.add(column: "buying_unit_folded", .text)
        }
        let names = try Row.fetchCursor(
            db,
            sql: "SELECT id, buyer_entity_name, buying_unit_name FROM procurement WHERE "
                + "buyer_entity_name IS NOT NULL OR buying_unit_name IS NOT NULL")
        let update = try db.makeStatement(
            sql: "UPDATE procurement SET buyer_entity_folded = ?, buying_unit_folded = ? WHERE id = ?")
        while let row = try names.next() {
            let entity: String? = row[1]
            let unit: String? = row[2]
            let id: Int64 = row[0]
            try update.execute(arguments: [entity.map(SearchText.fold), unit.map(SearchText.fold), id])
        }
        try db.create(index: "procurement_on_buyer_entity_folded", on: "procurement", columns: ["buyer_entity_folded"])
        try db.create(index: "procurement_on_buying_unit_folded", on: "procurement", columns: ["buying_unit_folded"])
    }
}
