import Domain
import Foundation
import GRDB
import Testing

@testable import Ledger

/// A small procurement with one award; `status` and `amount` vary between tests.
func sampleProcurement(
    nog: String = "16000001", status: String = "Vigente", amount: Money? = nil,
    updated: String = "2022-03-01T09:00:00-06:00"
) -> Procurement {
    var procurement = Procurement(
        nog: nog, ocid: Procurement.ocid(forNOG: nog), title: "ADQUISICIÓN DE ALIMENTOS", buyerEntityCode: "11130016",
        buyerEntityName: "SOSEP", buyingUnitCode: "436-2", buyingUnitName: "DEPARTAMENTO DE COMPRAS",
        modalityCode: "compra_directa_oferta_electronica",
        modalityText: "Compra Directa con Oferta Electrónica (Art. 43 LCE Inciso b)", status: status,
        publishedAt: ProcurementDate.date(year: 2022, month: 3, day: 1, hour: 9),
        items: [
            ProcurementItem(id: "A", description: "Frijol", quantity: Decimal(string: "10.5"), unitName: "Quintal")
        ],
        parties: [
            Party(id: "GT-GCUC-436-2", name: "DEPARTAMENTO DE COMPRAS", roles: ["buyer"], memberOf: "GT-CISP-11130016")
        ],
        releaseIDs: ["GT-NOG-\(nog)-T1"])
    if case .date(let date) = ProcurementDate.parse(updated) { procurement.lastUpdatedAt = date }
    if status == "Adjudicado" {
        procurement.awards = [
            Award(
                id: "GT-ADJ-\(nog)-7894880", supplier: Supplier(partyID: "GT-NIT-7894880", name: "PROVEEDOR, S.A."),
                amount: amount, status: "active", statusDetails: "Habilitado",
                date: ProcurementDate.date(year: 2022, month: 3, day: 10))
        ]
        procurement.bids = [
            ProcurementBid(id: "B", tenderer: Supplier(partyID: "GT-NIT-7894880", name: "P"), amount: nil)
        ]
        procurement.releaseIDs.append("GT-NOG-\(nog)-T2")
    }
    return procurement
}

func source(_ sha: String) -> ImportSource {
    ImportSource(sourceKind: "ocds", fileName: "\(sha).json", sha256: sha, bytes: 10)
}

extension Ledger {
    /// One import whose body upserts through the session's procurement sink; `dryRun` rolls it back.
    func importProcurements(
        source: ImportSource, rows: Int = 1, dryRun: Bool = false, _ body: (ProcurementSink) throws -> Void
    ) throws -> ImportOutcome {
        try importing(source, toolVersion: "t") { session in
            try body(session.procurements())
            let counts = ImportCounts(rowsRead: rows, rowsAccepted: rows)
            return dryRun ? .rollback(counts) : .commit(counts)
        }
    }
}

struct ProcurementLedgerTests {
    @Test("a new NOG is inserted with all its children and reads back equal")
    func insertAndReadBack() throws {
        let ledger = try Ledger.inMemory()
        let procurement = sampleProcurement(status: "Adjudicado", amount: Money(centavos: 8_950_050))
        let outcome = try ledger.importProcurements(source: source("a")) { sink in
            let result = try sink.upsert(procurement)
            #expect(result == .inserted)
        }
        guard case .imported(let run, let counts) = outcome else {
            Issue.record("no importó")
            return
        }
        #expect(counts.inserted == 1 && counts.rowsRead == 1 && counts.rowsAccepted == 1)
        #expect(run.rowsAccepted == 1)
        #expect(try ledger.procurement(nog: "16000001") == procurement)
        #expect(try ledger.appliedMigrations().contains("v4-procurement"))
    }

    @Test("an amount that is not given is stored as NULL, not zero")
    func missingAmountIsNull() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importProcurements(source: source("a")) { sink in
            try sink.upsert(sampleProcurement(status: "Adjudicado", amount: nil))
        }
        let nulls = try ledger.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM award WHERE amount IS NULL") ?? -1
        }
        #expect(nulls == 1)
        #expect(try ledger.procurement(nog: "16000001")?.awards.first?.amount == nil)
    }

    @Test("re-importing the same content changes nothing; the same file is not imported twice")
    func idempotent() throws {
        let ledger = try Ledger.inMemory()
        for sha in ["a", "b"] {
            _ = try ledger.importProcurements(source: source(sha)) { sink in
                try sink.upsert(sampleProcurement())
            }
        }
        let again = try ledger.importProcurements(source: source("a")) { _ in
            Issue.record("no debe leer un archivo ya importado")
        }
        guard case .alreadyImported = again else {
            Issue.record("esperaba ya importado")
            return
        }
        #expect(try ledger.releaseHistory(nog: "16000001").isEmpty)
        #expect(try ledger.importRuns().count == 2)
        #expect(try ledger.procurementCount() == 1)
    }

    @Test("a re-import that changes a NOG updates it and keeps the previous state in release_history")
    func historyOnChange() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importProcurements(source: source("a")) { sink in
            try sink.upsert(sampleProcurement())
        }
        let changed = sampleProcurement(
            status: "Adjudicado", amount: Money(quetzales: 89_000), updated: "2022-03-10T10:00:00-06:00")
        var result: ProcurementUpsertResult?
        let outcome = try ledger.importProcurements(source: source("b")) { sink in
            result = try sink.upsert(changed)
        }
        guard case .updated(let fields)? = result else {
            Issue.record("esperaba actualizado: \(String(describing: result))")
            return
        }
        #expect(fields.contains("status") && fields.contains("awards") && fields.contains("releaseIDs"))
        guard case .imported(_, let counts) = outcome else { return }
        #expect(counts.updated == 1 && counts.inserted == 0)
        let history = try ledger.releaseHistory(nog: "16000001")
        #expect(history.count == 1)
        #expect(history.first?.previousSnapshot.contains("\"status\":\"Vigente\"") == true)
        #expect(history.first?.previousReleaseIDs == ["GT-NOG-16000001-T1"])
        #expect(history.first?.newReleaseIDs == ["GT-NOG-16000001-T1", "GT-NOG-16000001-T2"])
        let stored = try #require(try ledger.procurement(nog: "16000001"))
        #expect(stored == changed)
        let awardRows = try ledger.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM award") }
        #expect(awardRows == 1, "children are replaced, not duplicated")
    }

    @Test("older data than what is stored is ignored under the replace policy")
    func staleIgnored() throws {
        let ledger = try Ledger.inMemory()
        let newer = sampleProcurement(
            status: "Adjudicado", amount: Money(quetzales: 5), updated: "2022-03-10T10:00:00-06:00")
        _ = try ledger.importProcurements(source: source("a")) { sink in try sink.upsert(newer) }
        var result: ProcurementUpsertResult?
        _ = try ledger.importProcurements(source: source("b")) { sink in
            result = try sink.upsert(sampleProcurement(updated: "2022-03-01T09:00:00-06:00"))
        }
        #expect(result == .stale)
        #expect(try ledger.procurement(nog: "16000001")?.status == "Adjudicado")
    }

    @Test("the overlay policy keeps what the incoming value does not state")
    func overlayKeepsAwards() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importProcurements(source: source("a")) { sink in
            try sink.upsert(sampleProcurement(status: "Adjudicado", amount: Money(quetzales: 5)))
        }
        var partial = Procurement(nog: "16000001", title: "", status: "Finalizado adjudicado")
        partial.releaseIDs = []
        _ = try ledger.importProcurements(source: source("b")) { sink in
            try sink.upsert(partial, policy: .overlay)
        }
        let stored = try #require(try ledger.procurement(nog: "16000001"))
        #expect(stored.status == "Finalizado adjudicado")
        #expect(stored.awards.count == 1)
        #expect(stored.title == "ADQUISICIÓN DE ALIMENTOS")
        #expect(try ledger.releaseHistory(nog: "16000001").first?.changedFields == ["status"])
    }

    @Test("a NOG repeated in one import with other data is a conflict and writes nothing for it")
    func conflictingDuplicate() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importProcurements(source: source("a")) { sink in
            let results = [
                try sink.upsert(sampleProcurement()), try sink.upsert(sampleProcurement()),
                try sink.upsert(sampleProcurement(status: "Desierto")),
            ]
            #expect(results == [.inserted, .unchanged, .conflictingDuplicate])
        }
        #expect(try ledger.procurement(nog: "16000001")?.status == "Vigente")
    }

    @Test("a dry run counts exactly and writes nothing; an error in the producer writes nothing either")
    func dryRunAndFailure() throws {
        let ledger = try Ledger.inMemory()
        let dry = try ledger.importProcurements(source: source("a"), dryRun: true) { sink in
            try sink.upsert(sampleProcurement())
        }
        guard case .rolledBack(let counts) = dry else {
            Issue.record("esperaba deshecho")
            return
        }
        #expect(counts.inserted == 1)
        #expect(try ledger.procurementCount() == 0)
        #expect(try ledger.importRuns().isEmpty)

        struct Boom: Error {}
        #expect(throws: Boom.self) {
            _ = try ledger.importProcurements(source: source("b")) { sink in
                try sink.upsert(sampleProcurement())
                throw Boom()
            }
        }
        #expect(try ledger.procurementCount() == 0)
        #expect(try ledger.importRuns().isEmpty)
    }

    @Test("rejects and warnings are stored with the run, with its row counts")
    func rejectsStored() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importing(source("a"), toolVersion: "t") { session in
            try session.procurements().upsert(sampleProcurement())
            try session.reject(Diagnostic(file: "a.json", line: 1, field: "records[1]", message: "malo"))
            try session.note(
                Diagnostic(file: "a.json", line: 1, field: "records[0]", severity: .warning, message: "ojo"))
            return .commit(ImportCounts(rowsRead: 2, rowsAccepted: 1, rowsRejected: 1))
        }
        let run = try #require(try ledger.importRuns().first)
        #expect(run.rowsRead == 2 && run.rowsAccepted == 1 && run.rowsRejected == 1)
        let stored = try ledger.writer.read { db in
            try String.fetchAll(db, sql: "SELECT severity || ':' || field FROM import_diagnostic ORDER BY id")
        }
        #expect(stored == ["error:records[1]", "warning:records[0]"])
    }
}
