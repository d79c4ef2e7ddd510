import Domain
import Foundation
import GRDB

extension Ledger {
    /// The current amounts of every budget line of a year (latest cut-off, then latest import), without names or
    /// classifications: what reconciliation and checks add up, read lean enough for a national year's million
    /// lines. Monthly devengado only when asked (it is twelve times the rows).
    ///
    /// The current snapshot of each line is chosen in Swift from a rank of the year's few snapshots, instead of
    /// ranking every snapshot line in SQL: one pass over the rows, no sort.
    ///
    /// - Parameters:
    ///   - ejercicio: the fiscal year.
    ///   - entidad: one SICOIN entidad, or nil for all.
    ///   - unidadEjecutora: one unidad ejecutora within it, or nil.
    ///   - months: include the monthly devengado.
    public func currentBudgetAmounts(
        ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil, months: Bool = false
    ) throws -> [BudgetLine] {
        try read { db in
            var conditions = ["bl.ejercicio = ?"]
            var values: [(any DatabaseValueConvertible)?] = [ejercicio]
            if let entidad, !entidad.isEmpty { conditions.append("bl.entidad = ?"); values.append(entidad) }
            if let unidadEjecutora, !unidadEjecutora.isEmpty {
                conditions.append("bl.unidad_ejecutora = ?")
                values.append(unidadEjecutora)
            }
            let filter = conditions.joined(separator: " AND ")
            let arguments = StatementArguments(values)
            var rank: [Int64: Int] = [:]
            for (position, id) in try Int64.fetchAll(db, sql: """
                SELECT id FROM budget_snapshot WHERE ejercicio = ? ORDER BY corte, import_run_id
                """, arguments: [ejercicio]).enumerated() {
                rank[id] = position
            }
            struct Current {
                var rank: Int
                var snapshotLine: Int64
                var sourceLine: Int
                var amounts: ExecutionAmounts
            }
            var current: [Int64: Current] = [:]
            let snapshotRows = try Row.fetchCursor(db, sql: """
                SELECT bsl.budget_line_id, bsl.budget_snapshot_id, bsl.id, bsl.source_line, bsl.asignado, bsl.modificado,
                       bsl.vigente, bsl.precomprometido, bsl.comprometido, bsl.devengado, bsl.pagado
                FROM budget_snapshot_line bsl JOIN budget_line bl ON bl.id = bsl.budget_line_id WHERE \(filter)
                """, arguments: arguments)
            while let row = try snapshotRows.next() {
                let lineID: Int64 = row[0]
                let position = rank[row[1]] ?? -1
                if let existing = current[lineID], existing.rank > position { continue }
                let precomprometido: Int64? = row[7]
                let comprometido: Int64? = row[8]
                current[lineID] = Current(
                    rank: position, snapshotLine: row[2], sourceLine: row[3],
                    amounts: ExecutionAmounts(
                        asignado: Money(centavos: row[4]), modificado: Money(centavos: row[5]), vigente: Money(centavos: row[6]),
                        precomprometido: precomprometido.map(Money.init(centavos:)),
                        comprometido: comprometido.map(Money.init(centavos:)), devengado: Money(centavos: row[9]),
                        pagado: Money(centavos: row[10])))
            }
            if months {
                var lineOf: [Int64: Int64] = [:]
                for (lineID, value) in current { lineOf[value.snapshotLine] = lineID }
                let monthRows = try Row.fetchCursor(db, sql: """
                    SELECT bsm.budget_snapshot_line_id, bsm.mes, bsm.devengado FROM budget_snapshot_month bsm
                    JOIN budget_snapshot_line bsl ON bsl.id = bsm.budget_snapshot_line_id
                    JOIN budget_line bl ON bl.id = bsl.budget_line_id WHERE \(filter)
                    """, arguments: arguments)
                while let row = try monthRows.next() {
                    guard let lineID = lineOf[row[0]] else { continue }
                    current[lineID]?.amounts.devengadoMensual[row[1]] = Money(centavos: row[2])
                }
            }
            var out: [BudgetLine] = []
            out.reserveCapacity(current.count)
            let lineRows = try Row.fetchCursor(db, sql: """
                SELECT bl.id, bl.ejercicio, bl.entidad, bl.unidad_ejecutora, bl.programa, bl.subprograma, bl.proyecto,
                       bl.actividad, bl.obra, bl.renglon, bl.fuente, bl.organismo, bl.correlativo, bl.ubicacion_geografica
                FROM budget_line bl WHERE \(filter) ORDER BY bl.id
                """, arguments: arguments)
            while let row = try lineRows.next() {
                guard let value = current[row[0]], let renglon = Renglon(rawValue: row[9]) else { continue }
                let key = BudgetKey(
                    ejercicio: row[1], entidad: row[2], unidadEjecutora: row[3], programa: row[4], subprograma: row[5],
                    proyecto: row[6], actividad: row[7], obra: row[8], renglon: renglon, fuente: row[10], organismo: row[11],
                    correlativo: row[12], ubicacionGeografica: row[13])
                out.append(BudgetLine(key: key, amounts: value.amounts, sourceLine: value.sourceLine))
            }
            return out
        }
    }
}
