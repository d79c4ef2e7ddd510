import Domain
import Foundation
import GRDB
import Testing

@testable import Ledger

/// The execution listing adds the year up by renglón and by activity as it steps the lines, and keeps the totals
/// for ``Ledger/currentExecutionTotals(ejercicio:entidad:unidadEjecutora:by:)``: they are what SQLite's GROUP BY
/// gave (``ExecutionTotalsSQLReference``), and nothing is kept when the listing skips a line or a sum overflows.
struct ListedLineTotalsTests {
    private static let groupings: [ExecutionTotals.Grouping] = [.renglon, .actividad]

    /// Lists the year (narrowed as given) keeping its totals; returns how many lines the listing handed over.
    @discardableResult
    private static func list(_ ledger: Ledger, entidad: String?, unidad: String?) throws -> Int {
        var lines = 0
        try ledger.forEachCurrentBudgetLineRow(
            ejercicio: 2022, entidad: entidad, unidadEjecutora: unidad, keepingTotals: [.renglon, .actividad]
        ) { _ in lines += 1 }
        return lines
    }

    private static func query(_ grouping: ExecutionTotals.Grouping, _ entidad: String?, _ unidad: String?)
        -> ExecutionTotalsQuery
    {
        ExecutionTotalsQuery(ejercicio: 2022, entidad: entidad, unidadEjecutora: unidad, grouping: grouping)
    }

    @Test(
        "the totals kept by the listing are SQL's, for the whole year and each filter, one cut-off or several",
        arguments: [1, 3, 12])
    func keptAreSQLs(snapshots: Int) throws {
        for (entidad, unidad) in ExecutionTotalsScanTests.filters {
            // A ledger of its own: the memo starts empty.
            let ledger = try ExecutionTotalsScanTests.ledger(snapshots: snapshots)
            let listed = try Self.list(ledger, entidad: entidad, unidad: unidad)
            for grouping in Self.groupings {
                let query = Self.query(grouping, entidad, unidad)
                let (kept, reference) = try ledger.read { db in
                    (try ledger.executionTotalsMemo.kept(query, db), try ExecutionTotalsSQLReference.totals(db, query))
                }
                let totals = try #require(kept, "the listing kept the totals by \(grouping)")
                #expect(totals == reference)
                #expect(totals?.lines == listed)
                #expect(
                    try ledger.currentExecutionTotals(
                        ejercicio: 2022, entidad: entidad, unidadEjecutora: unidad, by: grouping) == reference)
            }
            // By expense group: the renglón totals kept, rolled up.
            let byGroup = try ledger.currentExecutionTotals(
                ejercicio: 2022, entidad: entidad, unidadEjecutora: unidad, by: .grupo)
            #expect(
                try byGroup
                    == ledger.read { try ExecutionTotalsSQLReference.totals($0, Self.query(.grupo, entidad, unidad)) })
        }
    }

    @Test("a line the listing skips (a renglón that is not one) keeps nothing: the totals read the year themselves")
    func skippedLineKeepsNothing() throws {
        let ledger = try ExecutionTotalsScanTests.ledger(snapshots: 3)
        try ledger.writer.write { db in
            try db.execute(sql: "UPDATE budget_line SET renglon = 'A1' WHERE renglon = '029' AND entidad = '11130018'")
        }
        try Self.list(ledger, entidad: nil, unidad: nil)
        for grouping in Self.groupings {
            let query = Self.query(grouping, nil, nil)
            let (kept, reference) = try ledger.read { db in
                (try ledger.executionTotalsMemo.kept(query, db), try ExecutionTotalsSQLReference.totals(db, query))
            }
            #expect(kept == nil)
            #expect(try ledger.currentExecutionTotals(ejercicio: 2022, by: grouping) == reference)
        }
    }

    @Test("a sum beyond 64-bit centavos keeps nothing, and the totals are still none")
    func overflowKeepsNothing() throws {
        let ledger = try ExecutionTotalsScanTests.ledger(snapshots: 1)
        try ledger.writer.write { db in
            try db.execute(sql: "UPDATE budget_snapshot_line SET comprometido = 5000000000000000000")
        }
        try Self.list(ledger, entidad: nil, unidad: nil)
        for grouping in Self.groupings {
            let query = Self.query(grouping, nil, nil)
            #expect(try ledger.read { try ledger.executionTotalsMemo.kept(query, $0) } == nil)
            #expect(try ledger.currentExecutionTotals(ejercicio: 2022, by: grouping) == nil)
        }
    }

    @Test("without groupings the listing keeps nothing")
    func nothingAsked() throws {
        let ledger = try ExecutionTotalsScanTests.ledger(snapshots: 1)
        try ledger.forEachCurrentBudgetLineRow(ejercicio: 2022) { _ in }
        for grouping in Self.groupings {
            #expect(try ledger.read { try ledger.executionTotalsMemo.kept(Self.query(grouping, nil, nil), $0) } == nil)
        }
    }
}
