import Domain
import Foundation
import GRDB

extension Ledger {
    /// ``forEachCurrentBudgetLine(ejercicio:entidad:unidadEjecutora:_:)``'s lines, in the same order and with the
    /// same lines skipped, handed over as SQLite's row in place (``BudgetLineRowView``) instead of a
    /// ``BudgetLine``: a national export prints a million of them.
    ///
    /// - Parameter groupings: totals to add up while the lines go by and keep for
    ///   ``currentExecutionTotals(ejercicio:entidad:unidadEjecutora:by:)`` (``ListedLineTotals``), when the tables
    ///   written next on this connection ask for them: they then do not read the year again.
    public func forEachCurrentBudgetLineRow(
        ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil,
        keepingTotals groupings: Set<ExecutionTotals.Grouping> = [], _ body: (BudgetLineRowView) throws -> Void
    ) throws {
        try read { db in
            let current = try CurrentLineFilter(
                db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
            var totals = ListedLineTotals(groupings)
            let statement = try FlagRawStatement(
                db,
                sql: Self.currentLinesSQL(current, months: false, then: totals == nil ? [] : ListedLineTotals.columns),
                arguments: StatementArguments(current.values))
            var names = BudgetNamesCache()
            while try statement.step() {
                guard let renglonBytes = statement.bytes(BudgetLineColumn.renglon.rawValue),
                    let renglon = Renglon(rawValue: String(decoding: renglonBytes, as: UTF8.self))
                else {
                    totals?.skip()
                    continue
                }
                totals?.add(statement)
                let year = Int(statement.int64(BudgetLineColumn.ejercicio.rawValue))
                let mes = BudgetLineColumn.mes.rawValue
                let cutoff = ExecutionCutoff(
                    ejercicio: year, mes: statement.isNull(mes) ? nil : Int(statement.int64(mes)),
                    fechaCorte: statement.string(BudgetLineColumn.fechaCorte.rawValue))
                let nombres = statement.bytes(BudgetLineColumn.nombres.rawValue)
                try body(
                    BudgetLineRowView(
                        statement: statement, ejercicio: year, renglon: renglon,
                        names: nombres.map { names.decode($0) } ?? [:], cutoff: cutoff))
            }
            try totals?.keep(
                in: executionTotalsMemo, db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
        }
    }
}
