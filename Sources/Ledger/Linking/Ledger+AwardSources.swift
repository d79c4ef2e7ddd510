import Domain
import Foundation
import GRDB

extension Ledger {
    /// For each NOG a re-import changed, the awarded total each import gave it, oldest first: the states kept in
    /// `release_history` and the current one.
    /// - Parameter year: only purchases of this year (publication, else award date), or every year when nil.
    public func awardedTotalsBySource(year: Int? = nil) throws -> [String: [SourcedAwardedTotal]] {
        try awardedTotalsBySource(year.map { ProcurementScope(year: $0) })
    }

    /// ``awardedTotalsBySource(year:)`` for the purchases of a scope (every purchase when nil).
    public func awardedTotalsBySource(_ scope: ProcurementScope?) throws -> [String: [SourcedAwardedTotal]] {
        try read { db in
            var condition = "p.id IN (SELECT procurement_id FROM release_history)"
            var arguments: StatementArguments = []
            if let scope {
                let (scopeCondition, scopeArguments) = scope.sqlCondition
                condition += " AND " + scopeCondition
                arguments += scopeArguments
            }
            let runs = try Row.fetchAll(db, sql: "SELECT id, source_kind, file_name FROM import_run")
                .reduce(into: [Int64: (String, String)]()) { $0[$1[0]] = ($1[1], $1[2]) }
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { decoder in
                let text = try decoder.singleValueContainer().decode(String.self)
                guard case .date(let date) = ProcurementDate.parse(text) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
                }
                return date
            }
            var out: [String: [SourcedAwardedTotal]] = [:]
            func entry(_ nog: String, _ run: Int64, _ total: Money?) -> SourcedAwardedTotal {
                let source = runs[run] ?? ("", "")
                return SourcedAwardedTotal(
                    nog: nog, importRunID: run, sourceKind: source.0, fileName: source.1, awardedTotal: total)
            }
            let history = try Row.fetchCursor(
                db,
                sql: """
                    SELECT h.nog, h.previous_import_run_id, h.previous_snapshot FROM release_history h
                    JOIN procurement p ON p.id = h.procurement_id WHERE \(condition) ORDER BY h.id
                    """, arguments: arguments)
            while let row = try history.next() {
                let nog: String = row[0]
                let snapshot: String = row[2]
                let previous = try? decoder.decode(Procurement.self, from: Data(snapshot.utf8))
                try out[nog, default: []].append(entry(nog, row[1], previous?.awardedTotal))
            }
            for procurement in try LinkableProcurementQuery.fetch(db, condition: condition, arguments: arguments) {
                try out[procurement.nog, default: []].append(
                    entry(procurement.nog, procurement.importRunID, procurement.awardedTotal))
            }
            return out
        }
    }

    /// Purchases as linking sees them: of a year (publication, else award date) or every year, any buying unit.
    public func linkableProcurements(year: Int?) throws -> [LinkableProcurement] {
        try read { db in
            if let year {
                let (condition, arguments) = ProcurementScope(year: year).sqlCondition
                return try LinkableProcurementQuery.fetch(db, condition: condition, arguments: arguments)
            }
            return try LinkableProcurementQuery.fetch(db, condition: "1 = 1", arguments: [])
        }
    }

    /// The purchases that have links in a year (every year when nil), whatever their own year, of one buyer
    /// (``ProcurementScope`` entity, units or names) or of any.
    public func linkedProcurements(ejercicio: Int?, buyer: ProcurementScope? = nil) throws -> [LinkableProcurement] {
        try read { db in
            let (condition, arguments) = Self.linkedCondition(ejercicio: ejercicio, buyer: buyer)
            return try LinkableProcurementQuery.fetch(db, condition: condition, arguments: arguments)
        }
    }

    /// The condition on `procurement p` that selects the purchases with links in a year (every year when nil), of
    /// one buyer or any.
    static func linkedCondition(ejercicio: Int?, buyer: ProcurementScope?) -> (String, StatementArguments) {
        // EXISTS rather than IN: with a buyer, SQLite starts from the buyer's few purchases instead of looking up
        // every NOG the year's links name.
        var condition =
            ejercicio == nil
            ? "EXISTS (SELECT 1 FROM procurement_link l WHERE l.nog = p.nog)"
            : "EXISTS (SELECT 1 FROM procurement_link l WHERE l.ejercicio = ? AND l.nog = p.nog)"
        var arguments: [(any DatabaseValueConvertible)?] = ejercicio.map { [$0] } ?? []
        if let placed = buyer?.buyerCondition {
            condition += " AND \(placed.sql)"
            arguments += placed.arguments
        }
        return (condition, StatementArguments(arguments))
    }

    /// The NOGs stored in the ledger, among those given.
    public func knownNOGs(_ nogs: Set<String>) throws -> Set<String> {
        try read { db in
            var known = Set<String>()
            // A few NOGs (one institution's evidence) are looked up by the unique index; many, by one pass.
            if nogs.count <= 20_000 {
                let list = Array(nogs)
                for start in stride(from: 0, to: list.count, by: 500) {
                    let chunk = Array(list[start..<min(start + 500, list.count)])
                    let marks = chunk.map { _ in "?" }.joined(separator: ", ")
                    known.formUnion(
                        try String.fetchAll(
                            db, sql: "SELECT nog FROM procurement WHERE nog IN (\(marks))",
                            arguments: StatementArguments(chunk)))
                }
                return known
            }
            let cursor = try String.fetchCursor(db, sql: "SELECT nog FROM procurement")
            while let nog = try cursor.next() {
                if nogs.contains(nog) { known.insert(nog) }
            }
            return known
        }
    }
}
