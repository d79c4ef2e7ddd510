import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ledger

struct LedgerTests {
    private let version = "test"

    private func source(_ sha: String, kind: String = "metas") -> ImportSource {
        ImportSource(sourceKind: kind, fileName: "metas.csv", sha256: sha, bytes: 10)
    }

    @Test("migrating an empty database gives the schema in the golden file")
    func schemaGolden() throws {
        // Given an empty in-memory ledger (migrated on open)
        let ledger = try Ledger.inMemory()
        // When reading its schema
        let schema =
            try ledger.writer.read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                        ORDER BY type DESC, name
                        """)
            }.joined(separator: ";\n") + ";\n"
        // Then it matches the reviewed golden file
        #expect(schema == (try Golden.text("schema.sql", actual: schema)))
        #expect(try Set(ledger.appliedMigrations()).isSuperset(of: ["v1-import-run", "v2-metas", "v3-declared-share"]))
    }

    @Test("re-importing the same file adds no rows and says so")
    func idempotent() throws {
        let ledger = try Ledger.inMemory()
        let metas = Metas(
            products: [SampleValues.product("P01")],
            subproducts: [SampleValues.subproduct("P01-01", of: "P01", meta: 100)])
        guard
            case .imported(let run, let counts) = try ledger.importMetas(
                metas, source: source("aaa"), toolVersion: version, rowsRead: 2)
        else {
            Issue.record("first import should write")
            return
        }
        #expect(counts.inserted == 2)
        #expect(run.rowsAccepted == 2)
        guard
            case .alreadyImported(let again) = try ledger.importMetas(
                metas, source: source("aaa"), toolVersion: version, rowsRead: 2)
        else {
            Issue.record("second import of the same sha256 must be a no-op")
            return
        }
        #expect(again.id == run.id)
        #expect(try ledger.importRuns().count == 1)
        #expect(try ledger.metas(ejercicio: 2022).products.count == 1)
    }

    @Test("a changed file updates products by natural key and keeps the earlier run")
    func supersedes() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importMetas(
            Metas(products: [SampleValues.product("P01"), SampleValues.product("P02")]), source: source("v1"),
            toolVersion: version, rowsRead: 2)
        let changed = Metas(products: [SampleValues.product("P01", quetzales: 2000), SampleValues.product("P02")])
        guard
            case .imported(_, let counts) = try ledger.importMetas(
                changed, source: source("v2"), toolVersion: version, rowsRead: 2)
        else {
            Issue.record("changed file should import")
            return
        }
        #expect(counts.updated == 1)
        #expect(counts.unchanged == 1)
        #expect(counts.inserted == 0)
        #expect(try ledger.metas(ejercicio: 2022).products.first?.presupuestoVigente == Money(quetzales: 2000))
        #expect(try ledger.importRuns().map(\.sha256) == ["v1", "v2"])
    }

    @Test("an import that fails midway leaves nothing behind")
    func atomic() throws {
        let ledger = try Ledger.inMemory()
        // A subproduct whose product does not exist violates the foreign key inside the transaction.
        let broken = Metas(
            products: [SampleValues.product("P01")], subproducts: [SampleValues.subproduct("X-1", of: "X", meta: 1)])
        #expect(throws: (any Error).self) {
            try ledger.importMetas(broken, source: source("bad"), toolVersion: version, rowsRead: 2)
        }
        #expect(try ledger.importRuns().isEmpty)
        #expect(try ledger.metas(ejercicio: 2022).products.isEmpty)
    }

    @Test("filters products by entidad")
    func entityFilter() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importMetas(
            Metas(products: [SampleValues.product("P01")]), source: source("e"), toolVersion: version, rowsRead: 1)
        #expect(try ledger.metas(ejercicio: 2022, entidad: "11130016").products.count == 1)
        #expect(try ledger.metas(ejercicio: 2022, entidad: "12100401").products.isEmpty)
        #expect(try ledger.metas(ejercicio: 2022, entidad: "11130016", unidadEjecutora: "999").products.isEmpty)
    }

    @Test("refuses a database written by a newer tool")
    func newerSchema() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("nuevo.sqlite").path
        _ = try Ledger.open(path: path, create: true)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        #expect(throws: LedgerError.self) { try Ledger.open(path: path) }
    }

    @Test("a missing ledger tells the user to run init")
    func missing() throws {
        let directory = try TemporaryDirectory()
        do {
            _ = try Ledger.open(path: directory.file("no.sqlite").path)
            Issue.record("expected an error")
        } catch let error as LedgerError {
            #expect(error.errorDescription?.contains("transparencia init") == true)
        }
    }
}

struct LedgerRejectsTests {
    @Test("rows left out under --allow-rejects are counted and stored with their reasons")
    func rejects() throws {
        let ledger = try Ledger.inMemory()
        let reject = Diagnostic(
            file: "metas.csv", line: 3, field: "meta_fisica", message: "«x» no es una cantidad numérica")
        guard
            case .imported(let run, _) = try ledger.importMetas(
                Metas(products: [SampleValues.product("P01")]),
                source: ImportSource(sourceKind: "metas", fileName: "metas.csv", sha256: "r", bytes: 1),
                toolVersion: "t",
                rowsRead: 2, diagnostics: [reject, Diagnostic(file: "metas.csv", severity: .info, message: "UTF-8")])
        else {
            Issue.record("expected an import")
            return
        }
        #expect(run.rowsAccepted == 1)
        #expect(run.rowsRejected == 1)
        #expect(
            try ledger.storedDiagnostics(importRunID: run.id) == [reject], "info notes are not stored")
    }
}

struct UnreadableMetasTests {
    @Test("a stored meta física that is not a number is an error naming the row, never read as 0")
    func unreadableMetaIsAnError() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importMetas(
            Metas(products: [SampleValues.product("P01", meta: 12)]),
            source: ImportSource(sourceKind: "metas", fileName: "m.csv", sha256: "m", bytes: 1), toolVersion: "t",
            rowsRead: 1)
        try ledger.writer.write { db in try db.execute(sql: "UPDATE product SET meta_fisica = 'doce'") }
        let error = try #require(throws: LedgerError.self) { try ledger.metas(ejercicio: 2022) }
        #expect(error.errorDescription?.contains("«doce» en product.meta_fisica de 2022/P01") == true)
    }
}
