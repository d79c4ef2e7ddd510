import GRDB

extension Migrations {
    /// Procurement keyed by NOG (ocid unique), with its items, parties, bids, awards and contracts, and a
    /// history row each time a re-import changes a procurement. Child rows are replaced whole on update
    /// (they have no stable natural key in every source), so they cascade from `procurement`.
    static func v4Procurement(_ db: Database) throws {
        try db.create(table: "procurement") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("nog", .text).notNull().unique()
            t.column("ocid", .text).unique()
            t.column("title", .text).notNull()
            t.column("description", .text)
            t.column("buyer_entity_code", .text).indexed()
            t.column("buyer_entity_name", .text)
            t.column("buying_unit_code", .text).indexed()
            t.column("buying_unit_name", .text)
            t.column("modality_code", .text).indexed()
            t.column("modality_text", .text)
            t.column("status", .text)
            t.column("ocds_status", .text)
            t.column("category", .text)
            // Dates are ISO 8601 text in Guatemala time (`2022-03-01T10:00:00-06:00`): sortable, and the first
            // four characters are the local year.
            t.column("published_at", .text).indexed()
            t.column("tender_end_at", .text)
            t.column("awarded_at", .text)
            t.column("last_updated_at", .text)
            t.column("release_ids", .text).notNull()
            t.column("content_hash", .text).notNull()
            t.column("import_run_id", .integer).notNull().indexed().references("import_run")
        }
        try db.create(table: "procurement_item") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("procurement_id", .integer).notNull().indexed().references("procurement", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("item_id", .text)
            t.column("description", .text).notNull()
            t.column("classification_scheme", .text)
            t.column("classification_id", .text)
            t.column("quantity", .text)
            t.column("unit_name", .text)
        }
        try db.create(table: "procurement_party") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("procurement_id", .integer).notNull().indexed().references("procurement", onDelete: .cascade)
            t.column("party_id", .text).notNull()
            t.column("scheme", .text)
            t.column("identifier", .text).notNull().indexed()
            t.column("name", .text).notNull()
            t.column("roles", .text).notNull()
            t.column("member_of", .text)
        }
        try db.create(table: "bid") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("procurement_id", .integer).notNull().indexed().references("procurement", onDelete: .cascade)
            t.column("bid_id", .text)
            t.column("tenderer_scheme", .text)
            t.column("tenderer_id", .text).notNull()
            t.column("tenderer_name", .text).notNull()
            t.column("amount", .integer)
            t.column("status", .text)
            t.column("date", .text)
        }
        try db.create(table: "award") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("procurement_id", .integer).notNull().indexed().references("procurement", onDelete: .cascade)
            t.column("award_id", .text)
            t.column("supplier_scheme", .text)
            t.column("supplier_id", .text).notNull().indexed()
            t.column("supplier_name", .text).notNull()
            t.column("amount", .integer)
            t.column("status", .text)
            t.column("status_details", .text)
            t.column("date", .text)
        }
        try db.create(table: "contract") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("procurement_id", .integer).notNull().indexed().references("procurement", onDelete: .cascade)
            t.column("contract_id", .text)
            t.column("award_id", .text)
            t.column("contract_number", .text)
            t.column("title", .text)
            t.column("status", .text)
            t.column("status_details", .text)
            t.column("date_signed", .text)
            t.column("amount", .integer)
            t.column("period_start", .text)
            t.column("period_end", .text)
        }
        try db.create(table: "release_history") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("procurement_id", .integer).notNull().indexed().references("procurement", onDelete: .cascade)
            t.column("nog", .text).notNull().indexed()
            t.column("import_run_id", .integer).notNull().indexed().references("import_run")
            t.column("previous_import_run_id", .integer).notNull()
            t.column("recorded_at", .datetime).notNull()
            t.column("changed_fields", .text).notNull()
            t.column("previous_hash", .text).notNull()
            t.column("new_hash", .text).notNull()
            t.column("previous_release_ids", .text).notNull()
            t.column("new_release_ids", .text).notNull()
            // The procurement as it was before this import (JSON of the Domain value), so nothing is lost.
            t.column("previous_snapshot", .text).notNull()
        }
    }
}
