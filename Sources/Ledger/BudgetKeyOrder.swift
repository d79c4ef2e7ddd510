import Foundation

/// The ORDER BY of budget lines in key order: the expressions of the unique index `budget_line_on_key` (absent
/// codes as '', as `BudgetKey.parts` spells them), so SQLite walks the index instead of sorting.
enum BudgetKeyOrder {
    /// The order terms for the `budget_line` table under `alias`.
    static func sql(_ alias: String) -> String {
        [
            "ejercicio", "entidad", "ifnull(unidad_ejecutora, '')", "programa", "subprograma", "proyecto", "actividad",
            "obra", "renglon", "ifnull(fuente, '')", "ifnull(organismo, '')", "ifnull(correlativo, '')",
            "ifnull(ubicacion_geografica, '')",
        ].map { term in
            term.hasPrefix("ifnull(") ? "ifnull(\(alias)." + term.dropFirst("ifnull(".count) : "\(alias).\(term)"
        }.joined(separator: ", ")
    }
}
