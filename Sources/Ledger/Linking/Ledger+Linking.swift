import Domain
import Foundation
import GRDB

extension Ledger {
    /// Runs one linking pass in a single transaction: whatever `body` writes through the session lands together,
    /// or nothing does.
    /// - Throws: what `body` throws (nothing is kept), or ``LedgerError`` when SQLite fails.
    public func linking<T>(toolVersion: String, body: (LinkingSession) throws -> (LinkingSession.Ending, T)) throws -> T
    {
        // The session checks the links' and states' references itself, from what the pass already holds
        // (``LinkingSession/write(nog:ejercicio:links:unlinked:digest:runID:replacing:)``), so SQLite's own lookups
        // are off for the pass (``bulkWrite(_:)``).
        try bulkWrite { db in
            defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
            let (ending, value) = try body(LinkingSession(db: db, path: path, toolVersion: toolVersion))
            return (ending == .commit, value)
        }
    }

    /// The links of a year (every year when nil), optionally of one NOG and of the purchases of one buyer
    /// (`buyer`'s entity, units or names, whatever the purchase's date), by NOG then product.
    public func links(ejercicio: Int? = nil, nog: String? = nil, buyer: ProcurementScope? = nil) throws
        -> [ProcurementLink]
    {
        try read { db in
            let (condition, arguments) = Self.linkCondition(ejercicio: ejercicio, nog: nog, buyer: buyer)
            return try ProcurementLinkRecord.fetchLinks(db, where: condition, arguments: arguments)
        }
    }

    /// The condition on `procurement_link` that ``links(ejercicio:nog:buyer:)`` reads.
    static func linkCondition(ejercicio: Int?, nog: String?, buyer: ProcurementScope?) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let ejercicio {
            conditions.append("ejercicio = ?")
            arguments.append(ejercicio)
        }
        if let nog {
            conditions.append("nog = ?")
            arguments.append(nog)
        }
        if let placed = buyer?.nogCondition(column: "nog") {
            conditions.append(placed.sql)
            arguments += placed.arguments
        }
        return (conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND "), StatementArguments(arguments))
    }

    /// The purchases of the last passes that stayed unlinked, with their reason, by NOG.
    public func unlinkedProcurements(ejercicio: Int? = nil, nog: String? = nil) throws -> [UnlinkedProcurement] {
        try read { db in
            var request = LinkStateRecord.filter(LinkStateRecord.Columns.status == "sin_vincular")
            if let ejercicio { request = request.filter(LinkStateRecord.Columns.ejercicio == ejercicio) }
            if let nog { request = request.filter(Column("nog") == nog) }
            return try request.order(LinkStateRecord.Columns.ejercicio, Column("nog")).fetchAll(db).compactMap(
                \.unlinked)
        }
    }

    /// The linking passes that changed the ledger, oldest first.
    public func linkRuns(ejercicio: Int? = nil) throws -> [LinkRun] {
        try read { db in
            var request = LinkRunRecord.all()
            if let ejercicio { request = request.filter(LinkRunRecord.Columns.ejercicio == ejercicio) }
            return try request.order(Column("id")).fetchAll(db).compactMap(\.run)
        }
    }

    /// The years that have links or linking passes, newest first.
    public func linkYears() throws -> [Int] {
        try read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT ejercicio FROM link_run ORDER BY ejercicio DESC") }
    }

    /// The stored manual links of a year (every year when nil).
    public func manualLinks(ejercicio: Int? = nil) throws -> [ManualLink] {
        try read { db in
            var request = ManualLinkRecord.all()
            if let ejercicio { request = request.filter(ManualLinkRecord.Columns.ejercicio == ejercicio) }
            return try request.order(Column("id")).fetchAll(db).map(\.manualLink)
        }
    }

    /// The purchases of a scope as linking and reconciliation see them, by NOG.
    public func linkableProcurements(_ scope: ProcurementScope) throws -> [LinkableProcurement] {
        try read { db in
            let (condition, arguments) = scope.sqlCondition
            return try LinkableProcurementQuery.fetch(db, condition: condition, arguments: arguments)
        }
    }

    /// The purchases of a scope with only what reconciliation adds up: NOG, dates, import run, awards' amounts and
    /// statuses, contracted total. Titles, descriptions, units, modality and suppliers are left empty (for a
    /// national year they were most of what the full read copied).
    public func reconciliationProcurements(_ scope: ProcurementScope) throws -> [LinkableProcurement] {
        try read { db in
            let (condition, arguments) = scope.sqlCondition
            let cursor = try LeanProcurementCursor(db, condition: condition, arguments: arguments)
            var purchases: [LinkableProcurement] = []
            while let purchase = try cursor.next() { purchases.append(purchase) }
            return purchases
        }
    }

    /// The links of a year with only what reconciliation adds up: NOG, product, renglón, method, share and amount,
    /// by NOG then link. Subproduct, supplier, provenance (an empty label), dependencies and notes are left out.
    /// With `buyer`, only the links of that buyer's purchases (those reconciliation can place).
    public func reconciliationLinks(ejercicio: Int, buyer: ProcurementScope? = nil) throws -> [ProcurementLink] {
        try read { db in
            let (condition, arguments) = Self.linkCondition(ejercicio: ejercicio, nog: nil, buyer: buyer)
            return try ProcurementLinkRecord.fetchLeanLinks(db, where: condition, arguments: arguments)
        }
    }

    /// One purchase as linking sees it, whatever its year or unit.
    public func linkableProcurement(nog: String) throws -> LinkableProcurement? {
        try read { db in try LinkableProcurementQuery.fetch(db, condition: "p.nog = ?", arguments: [nog]).first }
    }

    /// Evidence rows with their ids and files, of a year (or without year), for one NOG or all, in id order.
    public func storedLinkEvidence(ejercicio: Int, nog: String? = nil, entidad: String? = nil) throws
        -> [StoredLinkEvidence]
    {
        var rows: [StoredLinkEvidence] = []
        try forEachStoredLinkEvidence(ejercicio: ejercicio, nog: nog, entidad: entidad) { rows.append($0) }
        return rows
    }

    /// ``storedLinkEvidence(ejercicio:nog:entidad:)`` one row at a time, none held: a national year's evidence is
    /// hundreds of thousands of rows.
    public func forEachStoredLinkEvidence(
        ejercicio: Int, nog: String? = nil, entidad: String? = nil, _ body: (StoredLinkEvidence) throws -> Void
    ) throws {
        try read { db in
            let nogs: (sql: String, arguments: StatementArguments)? = nog.map { ("SELECT ?", [$0]) }
            try LinkEvidenceQuery.forEach(db, ejercicio: ejercicio, nogs: nogs, entidad: entidad, body)
        }
    }

    /// ``forEachStoredLinkEvidence(ejercicio:nog:entidad:_:)``'s rows of a year, in the same order, handed over as
    /// SQLite's row in place (``LinkEvidenceRowView``): checks that read every row of a national year and cite few
    /// need not make fifteen strings per row.
    public func forEachLinkEvidenceRow(
        ejercicio: Int, entidad: String? = nil, _ body: (LinkEvidenceRowView) throws -> Void
    ) throws {
        try read { db in try LinkEvidenceQuery.forEachRow(db, ejercicio: ejercicio, entidad: entidad, body) }
    }
}
