import Foundation
import GRDB

/// The conditions on `budget_line bl` that narrow a year's lines to one entidad and unidad ejecutora (an empty
/// code is no filter), with their placeholder values in order.
struct BudgetLineScope {
    var conditions: [String]
    var values: [(any DatabaseValueConvertible)?]

    init(ejercicio: Int, entidad: String?, unidadEjecutora: String?) {
        conditions = ["bl.ejercicio = ?"]
        values = [ejercicio]
        if let entidad, !entidad.isEmpty {
            conditions.append("bl.entidad = ?")
            values.append(entidad)
        }
        if let unidadEjecutora, !unidadEjecutora.isEmpty {
            conditions.append("bl.unidad_ejecutora = ?")
            values.append(unidadEjecutora)
        }
    }
}
