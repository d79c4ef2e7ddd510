import GRDB

extension Migrations {
    /// Each run keeps its indicators' Spanish names and explanations as they were when it ran, so a stored run is
    /// published (`export` → banderas) without the red-flag code, and an explanation reworded later does not
    /// change what an old run said. Runs stored before have none (empty in the published table).
    static func v10RedFlagIndicatorText(_ db: Database) throws {
        try db.alter(table: "red_flag_run_indicator") { t in
            t.add(column: "name_es", .text)
            t.add(column: "explanation", .text)
        }
    }
}
