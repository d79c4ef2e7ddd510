import GRDB

extension Migrations {
    /// Drops the indexes on `red_flag(indicator_id)`, `red_flag(subject_id)` and `red_flag_evidence(reference)`.
    ///
    /// No query reads through them: runs are read whole by run id (`red_flag_run_id`, then `red_flag_id`), and the
    /// portal and `seguir` pick a NOG's flags out of the run they already hold. Each `banderas` run paid for them
    /// all the same: a national run inserts 100,000 flags and 200,000 evidence rows in no order these keys keep,
    /// and keeping the three up to date was about a third of storing the run (≈ 1.2 s of CPU).
    static func v14RedFlagWriteIndexes(_ db: Database) throws {
        try db.drop(index: "red_flag_on_indicator_id")
        try db.drop(index: "red_flag_on_subject_id")
        try db.drop(index: "red_flag_evidence_on_reference")
    }
}
