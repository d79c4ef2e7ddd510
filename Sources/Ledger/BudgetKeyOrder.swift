import Foundation

/// The terms of the unique index `budget_line_on_key`, in its order (absent codes as '', as `BudgetKey.parts`
/// spells them): an ORDER BY or GROUP BY on a prefix of them walks the index instead of sorting, and an equality
/// on each finds one activity's lines through it.
enum BudgetKeyOrder {
    /// Every term for the `budget_line` table under `alias`: ejercicio, the structure (entidad … obra), renglón,
    /// then fuente, organismo, correlativo and ubicación geográfica.
    static func terms(_ alias: String) -> [String] {
        [
            "ejercicio", "entidad", "ifnull(unidad_ejecutora, '')", "programa", "subprograma", "proyecto", "actividad",
            "obra", "renglon", "ifnull(fuente, '')", "ifnull(organismo, '')", "ifnull(correlativo, '')",
            "ifnull(ubicacion_geografica, '')",
        ].map { term in
            term.hasPrefix("ifnull(") ? "ifnull(\(alias)." + term.dropFirst("ifnull(".count) : "\(alias).\(term)"
        }
    }

    /// The structure's terms (entidad … obra), without the year.
    static func structure(_ alias: String) -> ArraySlice<String> { terms(alias)[1..<8] }

    /// Year, structure and renglón: a budget line's key without fuente and the codes after it.
    static func throughRenglon(_ alias: String) -> ArraySlice<String> { terms(alias)[..<9] }

    /// The whole key order, for an ORDER BY.
    static func sql(_ alias: String) -> String { terms(alias).joined(separator: ", ") }
}
