import GRDB

extension Migrations {
    /// The parts of each budget line's modifications (adiciones, disminuciones, traspasos and transferencias,
    /// as magnitudes) beside the net `modificado`, so LAIP numeral 7 can show the budget's changes. NULL when
    /// the file gave only the net (the MINFIN open-data layout) or lines were imported before this migration.
    static func v8ExecutionModifications(_ db: Database) throws {
        for column in [
            "adiciones", "disminuciones", "traspasos_positivos", "traspasos_negativos", "transferencias_positivas",
            "transferencias_negativas",
        ] {
            try db.alter(table: "budget_snapshot_line") { t in t.add(column: column, .integer) }
        }
    }
}
