import GRDB

extension Migrations {
    /// The whole budget key: a line is identified by fuente + organismo + correlativo as well as its structure,
    /// renglón and ubicación geográfica, so municipal files whose lines differ only in correlativo import.
    ///
    /// `budget_line` is rebuilt (SQLite cannot change a table's UNIQUE constraint): dimensions a file does not
    /// carry are NULL, never an empty code (existing rows' empty unidad ejecutora, fuente and ubicación become
    /// NULL; they had no organismo or correlativo), and the functional and geographic classifications get
    /// columns of their own. Uniqueness is an index over the key in which an absent code counts as one value,
    /// because SQLite's UNIQUE treats every NULL as distinct. Ids are kept, so snapshot lines still point at
    /// their line.
    static func v6BudgetKey(_ db: Database) throws {
        try db.create(table: "budget_line_v6") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ejercicio", .integer).notNull()
            t.column("entidad", .text).notNull()
            t.column("unidad_ejecutora", .text)
            t.column("programa", .text).notNull()
            t.column("subprograma", .text).notNull()
            t.column("proyecto", .text).notNull()
            t.column("actividad", .text).notNull()
            t.column("obra", .text).notNull()
            t.column("renglon", .text).notNull()
            t.column("fuente", .text)
            t.column("organismo", .text)
            t.column("correlativo", .text)
            t.column("ubicacion_geografica", .text)
            t.column("grupo", .text).notNull()
            t.column("tipo_presupuesto", .text)
            t.column("finalidad", .text)
            t.column("funcion", .text)
            t.column("division", .text)
            t.column("departamento", .text)
            t.column("subgrupo", .text)
            t.column("region", .text)
            t.column("nombres", .text).notNull()
        }
        try db.execute(
            sql: """
                INSERT INTO budget_line_v6 (id, ejercicio, entidad, unidad_ejecutora, programa, subprograma, proyecto,
                    actividad, obra, renglon, fuente, ubicacion_geografica, grupo, nombres)
                SELECT id, ejercicio, entidad, NULLIF(unidad_ejecutora, ''), programa, subprograma, proyecto, actividad,
                    obra, renglon, NULLIF(fuente, ''), NULLIF(ubicacion_geografica, ''), grupo, nombres
                FROM budget_line
                """)
        try db.drop(table: "budget_line")
        try db.rename(table: "budget_line_v6", to: "budget_line")
        try db.execute(
            sql: """
                CREATE UNIQUE INDEX budget_line_on_key ON budget_line (ejercicio, entidad, ifnull(unidad_ejecutora, ''),
                    programa, subprograma, proyecto, actividad, obra, renglon, ifnull(fuente, ''), ifnull(organismo, ''),
                    ifnull(correlativo, ''), ifnull(ubicacion_geografica, ''))
                """)
    }
}
