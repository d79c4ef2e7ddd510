import Domain
import Foundation
import GRDB
import GRDBSQLite
import Testing

@testable import Ledger

/// New procurements are written in batches with multi-row inserts; what is stored, and every id, must be as when
/// each row was inserted on its own.
struct ProcurementBatchTests {
    /// A procurement with `items` items and one party, its ocid Guatecompras'.
    func procurement(_ nog: Int, items: Int = 2, title: String = "COMPRA") -> Procurement {
        Procurement(
            nog: String(nog), ocid: Procurement.ocid(forNOG: String(nog)), title: title,
            items: (0..<items).map { ProcurementItem(id: "I\($0)", description: "bien \($0)", quantity: Decimal($0)) },
            parties: [Party(id: "GT-NIT-\(nog)", name: "PROVEEDOR \(nog)", roles: ["supplier"])],
            releaseIDs: ["GT-NOG-\(nog)-T1"])
    }

    func rows(_ ledger: Ledger, _ sql: String) throws -> [Row] {
        try ledger.writer.read { db in try Row.fetchAll(db, sql: sql) }
    }

    @Test(
        "statement sizes: 64-row statements, then one per bit of the rest",
        arguments: [
            (0, []), (1, [1]), (27, [16, 8, 2, 1]), (64, [64]), (65, [64, 1]), (130, [64, 64, 2]),
        ])
    func sizes(count: Int, expected: [Int]) {
        #expect(MultiRowInsert.sizes(for: count) == expected)
        #expect(MultiRowInsert.sizes(for: count).reduce(0, +) == count)
    }

    @Test("with statements of at most 16 rows, 16-row statements, then one per bit of the rest")
    func smallerSizes() {
        #expect(MultiRowInsert.sizes(for: 65, largest: 16) == [16, 16, 16, 16, 1])
        #expect(MultiRowInsert.sizes(for: 27, largest: 16) == [16, 8, 2, 1])
    }

    @Test("under the 999 bound values of SQLite before 3.32, the batches split and store the same rows")
    func underTheOldLimitOfBoundValues() throws {
        let limited = try Ledger.inMemory()
        try limited.writer.writeWithoutTransaction { db in
            _ = sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_VARIABLE_NUMBER, 999)
        }
        let plain = try Ledger.inMemory()
        for ledger in [limited, plain] {
            _ = try ledger.importProcurements(source: source("a"), rows: 100) { sink throws in
                for nog in 1...100 { try sink.upsert(procurement(nog, items: 3)) }
                try sink.flush()
            }
        }
        for table in ["procurement", "procurement_item", "procurement_party"] {
            let sql = "SELECT * FROM \(table) ORDER BY id"
            #expect(try rows(limited, sql) == rows(plain, sql))
        }
        #expect(try limited.procurementCount() == 100)
    }

    @Test("100 new procurements into an empty ledger take one ocid look-up each and ten inserts in all")
    func statementsIntoEmptyLedger() throws {
        let ledger = try Ledger.inMemory()
        var statements = 0
        _ = try ledger.importProcurements(source: source("a"), rows: 100) { sink throws in
            for nog in 1...100 { #expect(try sink.upsert(procurement(nog)) == .inserted) }
            try sink.flush()
            statements = sink.statementsRun
        }
        // procurement 64 + 32 + 4, items 64 + 64 + 64 + 8, parties 64 + 32 + 4: two batches of 64 and 36.
        #expect(statements == 100 + 3 + 4 + 3)
        #expect(try ledger.procurementCount() == 100)
        #expect(try ledger.procurement(nog: "37") == procurement(37))
    }

    @Test("into a ledger that holds procurements, each new NOG is looked up too")
    func statementsIntoStockedLedger() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importProcurements(source: source("a")) { sink in try sink.upsert(procurement(1000)) }
        var statements = 0
        _ = try ledger.importProcurements(source: source("b"), rows: 100) { sink throws in
            for nog in 1...100 { try sink.upsert(procurement(nog)) }
            try sink.flush()
            statements = sink.statementsRun
        }
        #expect(statements == 200 + 3 + 4 + 3)
    }

    @Test("ids follow the file: a batch waiting when an update comes is written first")
    func idsInFileOrder() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importProcurements(source: source("a")) { sink in try sink.upsert(procurement(1)) }
        _ = try ledger.importProcurements(source: source("b"), rows: 3) { sink throws in
            #expect(try sink.upsert(procurement(2)) == .inserted)
            guard case .updated = try sink.upsert(procurement(1, items: 3, title: "OTRA")) else {
                Issue.record("esperaba actualizado")
                return
            }
            #expect(try sink.upsert(procurement(3)) == .inserted)
        }
        let procurements = try rows(ledger, "SELECT id, nog FROM procurement ORDER BY id").map {
            "\($0["id"] as Int64):\($0["nog"] as String)"
        }
        #expect(procurements == ["1:1", "2:2", "3:3"])
        let items = try rows(ledger, "SELECT id, procurement_id, position FROM procurement_item ORDER BY id").map {
            "\($0["id"] as Int64):\($0["procurement_id"] as Int64)/\($0["position"] as Int)"
        }
        // 1 and 2 were NOG 1's first items; NOG 2's come before NOG 1's new ones, then NOG 3's.
        #expect(items == ["3:2/0", "4:2/1", "5:1/0", "6:1/1", "7:1/2", "8:3/0", "9:3/1"])
        #expect(try ledger.procurement(nog: "1")?.items.count == 3)
    }

    @Test("an ocid of a procurement still waiting for its batch belongs to its NOG")
    func pendingOCID() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importProcurements(source: source("a"), rows: 2) { sink throws in
            #expect(try sink.upsert(procurement(1)) == .inserted)
            var other = procurement(2)
            other.ocid = procurement(1).ocid
            #expect(try sink.upsert(other) == .ocidBelongsToOtherNOG("1"))
        }
        #expect(try ledger.procurementCount() == 1)
    }

    @Test("the sink numbers the NOGs it accepted in order; a conflicting repeat keeps its first number")
    func ordinals() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importProcurements(source: source("a"), rows: 4) { sink throws in
            try sink.upsert(procurement(5))
            try sink.upsert(procurement(6))
            try sink.upsert(procurement(5, title: "OTRA"))
            #expect(sink.acceptedNOGs == 2)
            #expect(sink.ordinal(ofNOG: "6") == 1)
            #expect(sink.ordinal(ofNOG: "5") == 0)
            #expect(sink.ordinal(ofNOG: "7") == nil)
        }
    }

    @Test("a commit writes what was still waiting; a rollback keeps nothing")
    func commitWritesTheRest() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importProcurements(source: source("a"), rows: 3) { sink throws in
            for nog in 1...3 { try sink.upsert(procurement(nog)) }
        }
        #expect(try ledger.procurementCount() == 3)
        _ = try ledger.importProcurements(source: source("b"), rows: 3, dryRun: true) { sink throws in
            for nog in 4...6 { try sink.upsert(procurement(nog)) }
            try sink.flush()
        }
        #expect(try ledger.procurementCount() == 3)
    }

    @Test("staged rows give the same fingerprint as the procurement, quantities included")
    func stagedFingerprint() {
        var value = procurement(9, items: 3)
        value.items[1].quantity = Decimal(string: "10.50")
        value.items[2].quantity = nil
        let rows = ProcurementRows(value)
        #expect(rows.fingerprint == ProcurementFingerprint.value(of: value))
        #expect(rows.items.map(\.quantity) == value.items.map { $0.quantity.map { "\($0)" } })
    }
}
