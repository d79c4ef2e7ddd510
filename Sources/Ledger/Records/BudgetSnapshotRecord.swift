import Domain
import Foundation
import GRDB

/// One imported execution file's cut-off (table `budget_snapshot`); its lines' amounts hang from it.
struct BudgetSnapshotRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var importRunID: Int64
    var ejercicio: Int
    var mes: Int?
    var fechaCorte: String?
    /// ISO date that orders snapshots (``Domain/ExecutionCutoff/sortDate``).
    var corte: String
    var lines: Int

    static let databaseTableName = "budget_snapshot"

    enum CodingKeys: String, CodingKey {
        case id, ejercicio, mes, corte, lines
        case importRunID = "import_run_id"
        case fechaCorte = "fecha_corte"
    }

    // MARK: - Database

    enum Columns {
        static let ejercicio = Column(CodingKeys.ejercicio)
        static let corte = Column(CodingKeys.corte)
        static let importRunID = Column(CodingKeys.importRunID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ cutoff: ExecutionCutoff, lines: Int, importRunID: Int64) {
        self.importRunID = importRunID
        self.ejercicio = cutoff.ejercicio
        self.mes = cutoff.mes
        self.fechaCorte = cutoff.fechaCorte
        self.corte = cutoff.sortDate
        self.lines = lines
    }

    var cutoff: ExecutionCutoff { ExecutionCutoff(ejercicio: ejercicio, mes: mes, fechaCorte: fechaCorte) }
}
