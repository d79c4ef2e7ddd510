import Domain
import Foundation
import GRDB

extension Ledger {
    /// ``forEachCurrentBudgetLine(ejercicio:entidad:unidadEjecutora:_:)``'s lines, in the same order and with the
    /// same lines skipped, handed over as SQLite's row in place (``BudgetLineRowView``) instead of a
    /// ``BudgetLine``: a national export prints a million of them.
    public func forEachCurrentBudgetLineRow(
        ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil,
        _ body: (BudgetLineRowView) throws -> Void
    ) throws {
        try read { db in
            let current = try CurrentLineFilter(
                db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
            let statement = try FlagRawStatement(
                db, sql: Self.currentLinesSQL(current, months: false), arguments: StatementArguments(current.values))
            var names = BudgetNamesCache()
            while try statement.step() {
                guard let renglonBytes = statement.bytes(BudgetLineColumn.renglon.rawValue),
                    let renglon = Renglon(rawValue: String(decoding: renglonBytes, as: UTF8.self))
                else { continue }
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
        }
    }
}
