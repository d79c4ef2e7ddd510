import Domain
import Foundation
import GRDB

extension Ledger {
    /// Streams the awards of a scope's purchases (every purchase when nil) whose supplier is named under one
    /// scheme, as NOG and supplier, by NOG then award as stored: what a check of the suppliers' identifiers
    /// reads, without the purchases' other columns or their other awards.
    public func forEachAwardedSupplier(
        _ scope: ProcurementScope?, scheme: PartyScheme, _ body: (_ nog: String, _ supplier: Supplier) throws -> Void
    ) throws {
        try read { db in
            let (condition, arguments) = scope?.sqlCondition ?? ("1 = 1", [])
            let rows = try FlagRawStatement(
                db,
                sql: """
                    SELECT p.nog, a.supplier_id, a.supplier_name
                    FROM award a JOIN procurement p ON p.id = a.procurement_id
                    WHERE a.supplier_scheme = ? AND \(condition) ORDER BY p.nog, a.id
                    """, arguments: [scheme.rawValue] + arguments)
            while try rows.step() {
                try body(
                    rows.string(0) ?? "",
                    Supplier(scheme: scheme, identifier: rows.string(1) ?? "", name: rows.string(2) ?? ""))
            }
        }
    }
}
