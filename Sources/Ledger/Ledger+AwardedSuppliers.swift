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
            let rows = try Self.awards(
                db, scope, scheme: scheme, select: "p.nog, a.supplier_id, a.supplier_name", order: "p.nog, a.id")
            while try rows.step() {
                try body(
                    rows.string(0) ?? "",
                    Supplier(scheme: scheme, identifier: rows.string(1) ?? "", name: rows.string(2) ?? ""))
            }
        }
    }

    /// The identifiers ``forEachAwardedSupplier(_:scheme:_:)`` would hand over, each once as SQLite tells them
    /// apart (byte by byte), in no promised order: a check that judges identifiers need not read every award.
    public func forEachAwardedSupplierIdentifier(
        _ scope: ProcurementScope?, scheme: PartyScheme, _ body: (_ identifier: String) throws -> Void
    ) throws {
        try read { db in
            let rows = try Self.awards(db, scope, scheme: scheme, select: "DISTINCT a.supplier_id")
            while try rows.step() { try body(rows.string(0) ?? "") }
        }
    }

    /// ``forEachAwardedSupplier(_:scheme:_:)``'s awards whose supplier identifier is one of `identifiers` (byte
    /// for byte), in the same order: the few a check cites once it knows which identifiers fail.
    public func forEachAwardedSupplier(
        _ scope: ProcurementScope?, scheme: PartyScheme, identifiers: [String],
        _ body: (_ nog: String, _ supplier: Supplier) throws -> Void
    ) throws {
        let rows: [(nog: [UInt8], award: Int64, supplier: Supplier)] = try read { db in
            var rows: [(nog: [UInt8], award: Int64, supplier: Supplier)] = []
            // A few hundred identifiers per statement, well under SQLite's limit on placeholders; the chunks' rows
            // are put in order afterwards.
            for start in stride(from: 0, to: identifiers.count, by: 500) {
                let chunk = identifiers[start..<min(start + 500, identifiers.count)]
                let statement = try Self.awards(
                    db, scope, scheme: scheme, select: "p.nog, a.id, a.supplier_id, a.supplier_name",
                    and: "a.supplier_id IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))",
                    StatementArguments(Array(chunk)))
                while try statement.step() {
                    rows.append(
                        (
                            Array(statement.bytes(0) ?? UnsafeBufferPointer(start: nil, count: 0)),
                            statement.int64(1),
                            Supplier(
                                scheme: scheme, identifier: statement.string(2) ?? "",
                                name: statement.string(3) ?? "")
                        ))
                }
            }
            return rows
        }
        // SQLite's `ORDER BY p.nog, a.id`: NOGs by their bytes (a shorter prefix first), then awards by id.
        for row in rows.sorted(by: {
            $0.nog.lexicographicallyPrecedes($1.nog) || ($0.nog == $1.nog && $0.award < $1.award)
        }) {
            try body(String(decoding: row.nog, as: UTF8.self), row.supplier)
        }
    }

    /// The awards of a scope's purchases (every purchase when nil) whose supplier is named under `scheme`: `select`
    /// of `award a` joined to `procurement p`, narrowed by `more` (with its arguments) and ordered by `order`.
    private static func awards(
        _ db: Database, _ scope: ProcurementScope?, scheme: PartyScheme, select: String, and more: String? = nil,
        _ moreArguments: StatementArguments = [], order: String? = nil
    ) throws -> FlagRawStatement {
        let (condition, arguments) = scope?.sqlCondition ?? ("1 = 1", [])
        return try FlagRawStatement(
            db,
            sql: """
                SELECT \(select) FROM award a JOIN procurement p ON p.id = a.procurement_id
                WHERE a.supplier_scheme = ? AND \(condition)\(more.map { " AND " + $0 } ?? "")\(order.map { " ORDER BY " + $0 } ?? "")
                """, arguments: [scheme.rawValue] + arguments + moreArguments)
    }
}
