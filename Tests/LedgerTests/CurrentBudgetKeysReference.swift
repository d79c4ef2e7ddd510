import Domain
import Foundation
import GRDB

@testable import Ledger

extension Ledger {
    /// The key of every current budget line of a year (a line with amounts in some cut-off), one whole
    /// ``BudgetKey`` per line, as the evidence check read them before it read the codes in place
    /// (``forEachCurrentBudgetCodes(ejercicio:entidad:unidadEjecutora:_:)``): what that reader must match.
    func forEachCurrentBudgetKey(
        ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil, _ body: (BudgetKey) throws -> Void
    ) throws {
        try read { db in
            let lineScope = BudgetLineScope(ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
            let (conditions, values) = (lineScope.conditions, lineScope.values)
            let rows = try FlagRawStatement(
                db,
                sql: """
                    SELECT bl.ejercicio, bl.entidad, bl.unidad_ejecutora, bl.programa, bl.subprograma, bl.proyecto,
                           bl.actividad, bl.obra, bl.renglon, bl.fuente, bl.organismo, bl.correlativo,
                           bl.ubicacion_geografica
                    FROM budget_line bl
                    WHERE \(conditions.joined(separator: " AND "))
                      AND EXISTS (SELECT 1 FROM budget_snapshot_line bsl WHERE bsl.budget_line_id = bl.id)
                    """, arguments: StatementArguments(values))
            while try rows.step() {
                guard let renglon = rows.string(8).flatMap(Renglon.init(rawValue:)) else { continue }
                try body(
                    BudgetKey(
                        ejercicio: Int(rows.int64(0)), entidad: rows.string(1) ?? "", unidadEjecutora: rows.string(2),
                        programa: rows.string(3) ?? "", subprograma: rows.string(4) ?? "",
                        proyecto: rows.string(5) ?? "", actividad: rows.string(6) ?? "", obra: rows.string(7) ?? "",
                        renglon: renglon, fuente: rows.string(9), organismo: rows.string(10),
                        correlativo: rows.string(11), ubicacionGeografica: rows.string(12)))
            }
        }
    }
}
