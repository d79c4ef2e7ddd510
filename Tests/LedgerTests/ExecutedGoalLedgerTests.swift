import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ledger

/// Executed physical goals (migration v11-metas-ejecutadas): kept by cut-off month, read at the latest cut-off
/// up to the month asked for.
struct ExecutedGoalLedgerTests {
    private static func source(_ sha: String) -> ImportSource {
        ImportSource(sourceKind: "metas", fileName: "ejecucion-\(sha).csv", sha256: sha, bytes: 10)
    }

    private static let plan = Metas(
        products: [SampleValues.product("P01", meta: 100)],
        subproducts: [SampleValues.subproduct("P01-01", of: "P01", meta: 100)])

    @Test("executed goals round-trip exactly and every cut-off is kept; a later cut-off does not hide an earlier one")
    func roundTripByCutoff() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importMetas(Self.plan, source: Self.source("plan"), toolVersion: "t", rowsRead: 2)
        let april = [
            ExecutedGoal(ejercicio: 2022, code: "P01", mes: 4, cantidad: Decimal(string: "33.25") ?? 0),
            ExecutedGoal(ejercicio: 2022, code: "P01-01", mes: 4, cantidad: 30),
        ]
        let august = [ExecutedGoal(ejercicio: 2022, code: "P01", mes: 8, cantidad: 70)]
        _ = try ledger.importMetas(Metas(executed: august), source: Self.source("ago"), toolVersion: "t", rowsRead: 1)
        _ = try ledger.importMetas(Metas(executed: april), source: Self.source("abr"), toolVersion: "t", rowsRead: 2)

        #expect(try ledger.executedGoals(ejercicio: 2022) == [april[0], august[0], april[1]])
        #expect(try ledger.metas(ejercicio: 2022).executed == [august[0], april[1]])
        #expect(try ledger.metas(ejercicio: 2022, month: 6).executed == april)
        #expect(try ledger.metas(ejercicio: 2022, month: 3).executed.isEmpty)
        // The plan is untouched by files of executed goals alone.
        #expect(try ledger.metas(ejercicio: 2022).products == Self.plan.products)
    }

    @Test("importing the same cut-off again replaces its quantity")
    func sameCutoffReplaces() throws {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importMetas(Self.plan, source: Self.source("plan"), toolVersion: "t", rowsRead: 2)
        let first = ExecutedGoal(ejercicio: 2022, code: "P01", mes: 8, cantidad: 70)
        var corrected = first
        corrected.cantidad = 72
        _ = try ledger.importMetas(Metas(executed: [first]), source: Self.source("a"), toolVersion: "t", rowsRead: 1)
        guard
            case .imported(_, let counts) = try ledger.importMetas(
                Metas(executed: [corrected]), source: Self.source("b"), toolVersion: "t", rowsRead: 1)
        else {
            Issue.record("the corrected file should import")
            return
        }
        #expect(counts.updated == 1)
        #expect(try ledger.executedGoals(ejercicio: 2022) == [corrected])
    }

    @Test("a goal whose code is neither in the file nor in the ledger is reported as unknown")
    func unknownCodes() throws {
        let ledger = try Ledger.inMemory()
        let stray = ExecutedGoal(ejercicio: 2022, code: "P09", mes: 8, cantidad: 1)
        let known = ExecutedGoal(ejercicio: 2022, code: "P01", mes: 8, cantidad: 1)
        var unknown: [ExecutedGoal] = []
        _ = try ledger.importing(Self.source("x"), toolVersion: "t") { session in
            unknown = try session.unknownGoals(Metas(products: Self.plan.products, executed: [stray, known]))
            return .rollback(ImportCounts(rowsRead: 0, rowsAccepted: 0, rowsRejected: 0))
        }
        #expect(unknown == [stray])
    }

    @Test("a ledger from before v11 opens, gains the table and keeps its products")
    func migratesOldLedger() throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v10-monthly-columns")
        let old = try Ledger(writer: queue, path: ":memory:")
        _ = try old.importMetas(Self.plan, source: Self.source("plan"), toolVersion: "t", rowsRead: 2)
        let ledger = try Ledger(writer: queue, path: ":memory:")
        #expect(try ledger.appliedMigrations().contains("v11-metas-ejecutadas"))
        #expect(try ledger.metas(ejercicio: 2022).products.count == 1)
        #expect(try ledger.executedGoals(ejercicio: 2022).isEmpty)
    }
}
