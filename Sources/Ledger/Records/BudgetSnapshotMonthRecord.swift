import Foundation
import GRDB

/// Devengado of one month for one line in one snapshot (table `budget_snapshot_month`).
struct BudgetSnapshotMonthRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    var budgetSnapshotLineID: Int64
    var mes: Int
    var devengado: Int64

    static let databaseTableName = "budget_snapshot_month"

    enum CodingKeys: String, CodingKey {
        case mes, devengado
        case budgetSnapshotLineID = "budget_snapshot_line_id"
    }

    // MARK: - Database

    enum Columns {
        static let budgetSnapshotLineID = Column(CodingKeys.budgetSnapshotLineID)
    }
}
