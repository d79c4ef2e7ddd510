import Dispatch
import Domain
import Foundation
import GRDB
import GRDBSQLite

/// One linking pass's open transaction: what it reads (products, purchases, evidence, rules, manual links, the
/// previous pass) and where it writes (rules, manual links, links, each purchase's state, the pass itself).
///
/// Only valid inside ``Ledger/linking(toolVersion:body:)``; everything written lands when the body ends with
/// ``Ending/commit`` and disappears with ``Ending/rollback``.
public final class LinkingSession {
    /// How the body ends the transaction.
    public enum Ending: Sendable {
        /// Keep everything written.
        case commit
        /// Undo everything (a dry run, or a pass refused once its inputs were read).
        case rollback
    }

    let db: Database
    let path: String
    let toolVersion: String
    private let startedAt = Date()
    private var writer: LinkRowWriter?
    /// What the session checks links and states against in place of SQLite's foreign keys and checks
    /// (``LinkReferences``).
    private var references = LinkReferences()
    /// What this pass's writes and removals changed in the year's totals, kept by incremental passes and by a
    /// year's first pass (another full pass counts the tables once at the end instead of reading what each of its
    /// writes replaces).
    private var change: LinkTotals?
    /// True when the pass began with no link or state of its year: its totals are then what it wrote.
    private var startedEmpty = false
    /// True once the session wrote or removed a purchase's links or state.
    private var wrote = false
    /// The year and totals the pass stored when it finished, which its summary reports.
    private var finished: (ejercicio: Int, totals: LinkTotals)?
    private var runEjercicio = 0
    /// The watermark whose changed NOGs `temp.link_changed_nog` holds, once a read of this pass filled it.
    private var changedNOGsWatermark: Int64?

    init(db: Database, path: String, toolVersion: String) {
        self.db = db
        self.path = path
        self.toolVersion = toolVersion
    }

    // MARK: - Rules and manual links

    /// The rules file passes use now (the newest given), as its name and text.
    public func activeRules() throws -> (id: Int64, fileName: String, sha256: String, content: String)? {
        guard let record = try LinkRuleSetRecord.order(Column("id").desc).fetchOne(db), let id = record.id else {
            return nil
        }
        return (id, record.fileName, record.sha256, record.content)
    }

    /// Makes a rules file the one passes use; the same text as the active one changes nothing.
    /// - Returns: true when it was stored.
    @discardableResult
    public func storeRules(fileName: String, sha256: String, content: String) throws -> Bool {
        if let active = try activeRules(), active.sha256 == sha256 { return false }
        var record = LinkRuleSetRecord(fileName: fileName, sha256: sha256, content: content, loadedAt: Date())
        try record.insert(db)
        return true
    }

    /// Stores the rows of a manual-links file for a year: they replace the rows an earlier load of the same file
    /// name gave, and any earlier row for the same NOGs (the latest word on a NOG wins).
    /// - Returns: how many earlier rows were replaced, or nil when the same rows were already stored.
    @discardableResult
    public func storeManualLinks(_ links: [ManualLink], ejercicio: Int, fileName: String, sha256: String) throws -> Int?
    {
        let current = try ManualLinkRecord.filter(ManualLinkRecord.Columns.fileName == fileName)
            .filter(sql: "file_sha256 = ?", arguments: [sha256]).fetchCount(db)
        let total = try ManualLinkRecord.filter(ManualLinkRecord.Columns.fileName == fileName).fetchCount(db)
        if current == links.count && total == links.count && current > 0 { return nil }
        var replaced = try ManualLinkRecord.filter(ManualLinkRecord.Columns.fileName == fileName).deleteAll(db)
        let loadedAt = Date()
        for link in links {
            let year = link.ejercicio ?? ejercicio
            replaced += try ManualLinkRecord.filter(ManualLinkRecord.Columns.ejercicio == year)
                .filter(ManualLinkRecord.Columns.nog == link.nog).filter(ManualLinkRecord.Columns.fileName != fileName)
                .deleteAll(db)
        }
        for link in links {
            var record = ManualLinkRecord(link, ejercicio: ejercicio, sha256: sha256, loadedAt: loadedAt)
            try record.insert(db)
        }
        return replaced
    }

    /// The manual links stored for a year, in file then line order.
    public func manualLinks(ejercicio: Int) throws -> [ManualLink] {
        try ManualLinkRecord.filter(ManualLinkRecord.Columns.ejercicio == ejercicio).order(Column("id")).fetchAll(db)
            .map(\.manualLink)
    }

    // MARK: - What changed

    /// The newest import run in the ledger.
    public func importWatermark() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM import_run") ?? 0
    }

    /// The previous pass for the year, if any.
    public func lastRun(ejercicio: Int) throws -> LinkRun? {
        try LinkRunRecord.filter(LinkRunRecord.Columns.ejercicio == ejercicio).order(Column("id").desc).fetchOne(db)?
            .run
    }

    /// A fingerprint of what every purchase's decision depends on besides its own rows: the active rules, the
    /// year's manual links, products and subproducts, and `extra` (the scope and the algorithm's version).
    public func inputsDigest(ejercicio: Int, extra: String) throws -> String {
        let rules = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM link_rule_set") ?? 0
        let manual = try Row.fetchOne(
            db, sql: "SELECT COUNT(*), IFNULL(MAX(id), 0) FROM manual_link WHERE ejercicio = ?", arguments: [ejercicio])
        let products = try Row.fetchOne(
            db,
            sql: "SELECT COUNT(*), IFNULL(MAX(import_run_id), 0), IFNULL(MAX(id), 0) FROM product WHERE ejercicio = ?",
            arguments: [ejercicio])
        let subproducts = try Row.fetchOne(
            db,
            sql:
                "SELECT COUNT(*), IFNULL(MAX(import_run_id), 0), IFNULL(MAX(id), 0) FROM subproduct WHERE ejercicio = ?",
            arguments: [ejercicio])
        func text(_ row: Row?) -> String {
            guard let row else { return "" }
            return (0..<row.count).map { index in String(row[index] as Int64? ?? 0) }.joined(separator: "/")
        }
        return
            "reglas \(rules) · manuales \(text(manual)) · productos \(text(products)) · subproductos \(text(subproducts)) · \(extra)"
    }

    // MARK: - Inputs

    /// The year's products and subproducts (every entity: links may cite any product of the ledger).
    public func metas(ejercicio: Int) throws -> Metas {
        let directorates = try DirectorateRecord.fetchAll(db).reduce(into: [String: Directorate]()) {
            $0[$1.code] = $1.directorate
        }
        let products = try ProductRecord.all().filter(ejercicio: ejercicio).order(Column("id")).fetchAll(db).map {
            try $0.product(
                directorate: directorates[$0.directorateCode]
                    ?? Directorate(code: $0.directorateCode, name: $0.directorateCode))
        }
        let subproducts = try SubproductRecord.filter(SubproductRecord.Columns.ejercicio == ejercicio).order(
            Column("id")
        )
        .fetchAll(db).map { try $0.subproduct() }
        return Metas(products: products, subproducts: subproducts)
    }

    /// The import run that wrote each product of the year.
    public func productRuns(ejercicio: Int) throws -> [String: Int64] {
        try Row.fetchAll(db, sql: "SELECT code, import_run_id FROM product WHERE ejercicio = ?", arguments: [ejercicio])
            .reduce(into: [:]) { $0[$1[0]] = $1[1] }
    }

    /// The purchases of the scope; with `changedAfter`, only those imported, or given evidence, after that run.
    public func procurements(_ scope: ProcurementScope, changedAfter watermark: Int64? = nil) throws
        -> [LinkableProcurement]
    {
        let (condition, arguments) = try changedCondition(scope, watermark)
        let procurements = try LinkableProcurementQuery.fetch(db, condition: condition, arguments: arguments)
        references.known(procurements.map(\.nog))
        return procurements
    }

    /// The scope's purchases and the year's evidence for them (``procurements(_:changedAfter:)`` and
    /// ``evidence(ejercicio:scope:changedAfter:)``).
    ///
    /// Once the pass holds the write lock (it has begun its run), the evidence of a ledger file is read on a
    /// second, read-only connection while this one reads the purchases: on a national year each is over a second
    /// of SQLite and row building, and one after the other they left a core idle (a re-link's, a tenth of a second
    /// each). Both see the same state: the lock was taken on this transaction's snapshot (SQLite refuses it
    /// otherwise) and nothing can commit until the pass ends, and what the pass wrote so far (rules, manual links,
    /// its run) is not what these queries read. An incremental pass's second connection fills its own table of
    /// changed NOGs. Without the lock, or in memory, both are read here one after the other.
    public func procurementsAndEvidence(
        ejercicio: Int, scope: ProcurementScope, changedAfter watermark: Int64? = nil
    ) throws -> (procurements: [LinkableProcurement], evidence: [String: [StoredLinkEvidence]]) {
        guard path != ":memory:", sqlite3_txn_state(db.sqliteConnection, "main") == SQLITE_TXN_WRITE else {
            let procurements = try procurements(scope, changedAfter: watermark)
            return (procurements, try evidence(ejercicio: ejercicio, scope: scope, changedAfter: watermark))
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Ledger.defaultBusyTimeout)
        let other = try DatabaseQueue(path: path, configuration: configuration)
        let evidence = ResultBox<[String: [StoredLinkEvidence]]>()
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            evidence.value = Result {
                // Two statements outside a transaction (the table of changed NOGs, then the evidence): they see
                // one state because the pass holds the write lock.
                try other.inDatabase { db in
                    let (condition, arguments) = try Self.changedCondition(db, scope, watermark)
                    return try LinkEvidenceQuery.byNOG(
                        db, ejercicio: ejercicio,
                        nogs: ("SELECT p.nog FROM procurement p WHERE \(condition)", arguments))
                }
            }
        }
        let purchases = Result { try self.procurements(scope, changedAfter: watermark) }
        done.wait()
        return (try purchases.get(), try evidence.get())
    }

    /// Evidence of the year by NOG, for the scope's purchases (only the changed ones with `changedAfter`).
    public func evidence(ejercicio: Int, scope: ProcurementScope, changedAfter watermark: Int64? = nil)
        throws -> [String: [StoredLinkEvidence]]
    {
        let (condition, arguments) = try changedCondition(scope, watermark)
        return try LinkEvidenceQuery.byNOG(
            db, ejercicio: ejercicio, nogs: ("SELECT p.nog FROM procurement p WHERE \(condition)", arguments))
    }

    /// NOGs with a stored state for the year whose procurement was re-imported after `watermark` (they may have
    /// left the scope). `CROSS JOIN` keeps SQLite starting from the few re-imported purchases
    /// (`procurement(import_run_id)`) rather than from every state of the year.
    public func statesChanged(ejercicio: Int, after watermark: Int64) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT s.nog FROM procurement p CROSS JOIN link_state s ON s.ejercicio = ? AND s.nog = p.nog
                WHERE p.import_run_id > ?
                """, arguments: [ejercicio, watermark])
    }

    /// The stored result fingerprint of each purchase of the year.
    public func storedDigests(ejercicio: Int) throws -> [String: String] {
        var out: [String: String] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT nog, result_digest FROM link_state WHERE ejercicio = ?", arguments: [ejercicio])
        while let row = try rows.next() { out[row[0]] = row[1] }
        return out
    }

    /// The stored result fingerprint of the year's purchases imported, or given evidence, after `watermark`
    /// (every NOG the purchases read with the same `changedAfter` can have, and perhaps a few outside the scope),
    /// in one query over the changed NOGs rather than one lookup per NOG.
    public func storedDigests(ejercicio: Int, changedAfter watermark: Int64) throws -> [String: String] {
        try fillChangedNOGs(after: watermark)
        var out: [String: String] = [:]
        let rows = try FlagRawStatement(
            db,
            sql: """
                SELECT s.nog, s.result_digest FROM temp.\(Self.changedTable) c
                CROSS JOIN link_state s ON s.ejercicio = ? AND s.nog = c.nog
                """, arguments: [ejercicio])
        while try rows.step() { out[rows.string(0) ?? ""] = rows.string(1) ?? "" }
        return out
    }

    /// The temporary table that holds the NOGs of ``fillChangedNOGs(after:)``.
    static let changedTable = "link_changed_nog"

    /// Writes once per pass the NOGs the import runs after `watermark` wrote, from the `import_run_id` indexes of
    /// `procurement` and `link_evidence`, into a temporary table keyed by NOG. The purchase, award, contract,
    /// evidence and digest reads of an incremental pass all look their purchases up through it: each used to
    /// rebuild the same `UNION` of both tables, a seventh of a re-link.
    private func fillChangedNOGs(after watermark: Int64) throws {
        if changedNOGsWatermark == watermark { return }
        try Self.fillChangedNOGs(db, after: watermark)
        changedNOGsWatermark = watermark
    }

    private static func fillChangedNOGs(_ db: Database, after watermark: Int64) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.\(changedTable)")
        try db.execute(sql: "CREATE TEMP TABLE \(changedTable) (nog TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID")
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO temp.\(changedTable)
                    SELECT nog FROM procurement WHERE import_run_id > ?1
                    UNION ALL SELECT nog FROM link_evidence WHERE import_run_id > ?1 AND nog IS NOT NULL
                """, arguments: [watermark])
    }

    private func changedCondition(_ scope: ProcurementScope, _ watermark: Int64?) throws -> (
        String, StatementArguments
    ) {
        if let watermark { try fillChangedNOGs(after: watermark) }
        return Self.condition(scope, changedOnly: watermark != nil)
    }

    /// ``changedCondition(_:_:)`` on another connection, which fills its own table of changed NOGs.
    private static func changedCondition(_ db: Database, _ scope: ProcurementScope, _ watermark: Int64?) throws -> (
        String, StatementArguments
    ) {
        if let watermark { try fillChangedNOGs(db, after: watermark) }
        return condition(scope, changedOnly: watermark != nil)
    }

    private static func condition(_ scope: ProcurementScope, changedOnly: Bool) -> (String, StatementArguments) {
        var (condition, arguments) = scope.sqlCondition
        if changedOnly {
            // SQLite looks the purchases up by NOG from the changed NOGs instead of testing every purchase of the
            // year (a NOG is unique in `procurement`, so this is the same as
            // `p.import_run_id > ? OR p.nog IN (evidence NOGs)`).
            condition += " AND p.nog IN (SELECT nog FROM temp.\(changedTable))"
        }
        return (condition, arguments)
    }

    // MARK: - Writing

    /// Records the pass (its id is what links and states cite); counts are filled in by ``finish(_:counts:)``.
    public func beginRun(ejercicio: Int, mode: LinkRun.Mode, inputsDigest: String, importWatermark: Int64) throws
        -> Int64
    {
        var record = LinkRunRecord(
            ejercicio: ejercicio, startedAt: startedAt, finishedAt: startedAt, toolVersion: toolVersion,
            mode: mode.rawValue,
            inputsDigest: inputsDigest, importWatermark: importWatermark,
            linkRuleSetID: try activeRules()?.id, examined: 0, written: 0, removed: 0)
        try record.insert(db)
        guard let id = record.id else { throw LedgerError.database(path: path, cause: "link_run sin id") }
        references.runs.insert(id)
        runEjercicio = ejercicio
        startedEmpty =
            try mode == .full
            && !(Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM link_state WHERE ejercicio = ?)
                        OR EXISTS (SELECT 1 FROM procurement_link WHERE ejercicio = ?)
                    """, arguments: [ejercicio, ejercicio]) ?? true)
        change = mode == .incremental || startedEmpty ? LinkTotals() : nil
        return id
    }

    /// Replaces a purchase's links and state with a new decision.
    /// - Parameters:
    ///   - replacing: true when the purchase had a state before (its old links are deleted first).
    public func write(
        nog: String, ejercicio: Int, links: [ProcurementLink], unlinked: UnlinkedProcurement?, digest: String,
        runID: Int64, replacing: Bool
    ) throws {
        try references.check(links, runID: runID, db: db, path: path)
        wrote = true
        let writer = try rowWriter()
        if replacing {
            try discountStored(nog: nog, ejercicio: ejercicio)
            try writer.delete(nog: nog, ejercicio: ejercicio)
        }
        for link in links { try writer.insert(link, runID: runID) }
        change?.state(method: links.first?.method.rawValue, sign: 1)
        for link in links { change?.link(method: link.method.rawValue, amount: link.amount.centavos, sign: 1) }
        try writer.state(
            nog: nog, ejercicio: ejercicio, links: links, unlinked: unlinked, digest: digest, runID: runID)
    }

    /// The pass's prepared statements, made on the first write, without the schema's checks: the constant
    /// `method IN (…)` check made SQLite build and drop a table for every link (a fifth of each insert), and
    /// ``LinkReferences`` checks the same values first. Rules and manual links, stored before, keep their checks.
    private func rowWriter() throws -> LinkRowWriter {
        if let writer { return writer }
        try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
        let made = try LinkRowWriter(db)
        writer = made
        return made
    }

    /// Removes a purchase's links and state (it left the scope).
    public func remove(nog: String, ejercicio: Int) throws {
        wrote = true
        try discountStored(nog: nog, ejercicio: ejercicio)
        try db.execute(
            sql: "DELETE FROM procurement_link WHERE ejercicio = ? AND nog = ?", arguments: [ejercicio, nog])
        try db.execute(sql: "DELETE FROM link_state WHERE ejercicio = ? AND nog = ?", arguments: [ejercicio, nog])
    }

    /// Takes a purchase's stored state and links out of ``change`` before they are replaced or removed.
    private func discountStored(nog: String, ejercicio: Int) throws {
        guard change != nil else { return }
        let state = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT method FROM link_state WHERE ejercicio = ? AND nog = ?"),
            arguments: [ejercicio, nog])
        if let state { change?.state(method: state[0], sign: -1) }
        let links = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT method, amount FROM procurement_link WHERE ejercicio = ? AND nog = ?"),
            arguments: [ejercicio, nog])
        for link in links { change?.link(method: link[0], amount: link[1], sign: -1) }
    }

    /// Completes the pass's record with its counts, and stores the year's totals after it: what it wrote when the
    /// year had nothing before (a national year's first pass then skips a count of 300,000 links), the previous
    /// pass's plus what this one changed when both are known, otherwise counted from the tables.
    public func finish(_ runID: Int64, examined: Int, written: Int, removed: Int) throws {
        if changedNOGsWatermark != nil {
            changedNOGsWatermark = nil
            try db.execute(sql: "DROP TABLE IF EXISTS temp.\(Self.changedTable)")
        }
        if writer != nil {
            writer = nil
            try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        }
        try db.execute(
            sql: "UPDATE link_run SET finished_at = ?, examined = ?, written = ?, removed = ? WHERE id = ?",
            arguments: [Date(), examined, written, removed, runID])
        let previous =
            try startedEmpty ? LinkTotals() : change == nil ? nil : storedTotals(ejercicio: runEjercicio, before: runID)
        let totals =
            if let previous, let change { previous.adding(change) } else { try countedTotals(ejercicio: runEjercicio) }
        for record in totals.records(runID: runID) { try record.insert(db) }
        finished = (runEjercicio, totals)
    }

    /// The totals the year's latest pass before `runID` stored; nil when it stored none (it ran before they were
    /// kept) or there is no such pass.
    private func storedTotals(ejercicio: Int, before runID: Int64) throws -> LinkTotals? {
        guard
            let previous = try Int64.fetchOne(
                db, sql: "SELECT MAX(id) FROM link_run WHERE ejercicio = ? AND id < ?", arguments: [ejercicio, runID])
        else { return nil }
        return LinkTotals(
            records: try LinkRunTotalRecord.filter(LinkRunTotalRecord.Columns.linkRunID == previous).fetchAll(db))
    }

    /// The year's totals counted from every state and link (states from their `(ejercicio, method)` index, links
    /// from a scan of the year's rows).
    func countedTotals(ejercicio: Int) throws -> LinkTotals {
        var totals = LinkTotals()
        let states = try Row.fetchAll(
            db, sql: "SELECT method, COUNT(*) FROM link_state WHERE ejercicio = ? GROUP BY method",
            arguments: [ejercicio])
        for row in states {
            let method: String? = row[0]
            totals.state(method: method, sign: row[1])
        }
        let links = try Row.fetchAll(
            db, sql: "SELECT method, COUNT(*), SUM(amount) FROM procurement_link WHERE ejercicio = ? GROUP BY method",
            arguments: [ejercicio])
        for row in links {
            let method: String = row[0]
            guard let method = LinkMethod(rawValue: method) else { continue }
            totals.byMethod[method, default: LinkTotals.Tally()].links += row[1]
            totals.byMethod[method, default: LinkTotals.Tally()].amount += row[2]
        }
        return totals
    }
}

extension LinkingSession {
    /// The year's links and unlinked purchases as they stand (after this pass's writes): the totals the pass
    /// stored when it finished; in a session that has written no link or state (a pass with nothing new), those
    /// the year's last pass stored, which nothing but a pass changes; otherwise, or when no pass stored any,
    /// counted from the tables.
    public func summary(ejercicio: Int) throws -> LinkSummary {
        if let finished, finished.ejercicio == ejercicio { return finished.totals.summary }
        let stored = try wrote ? nil : storedTotals(ejercicio: ejercicio, before: Int64.max)
        return try (stored ?? countedTotals(ejercicio: ejercicio)).summary
    }
}
