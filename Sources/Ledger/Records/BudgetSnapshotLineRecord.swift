import Domain
import Foundation
import GRDB

/// The amounts of one budget line in one snapshot (table `budget_snapshot_line`): the history of a line.
struct BudgetSnapshotLineRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var budgetSnapshotID: Int64
    var budgetLineID: Int64
    var sourceLine: Int
    var asignado: Int64
    var modificado: Int64
    var vigente: Int64
    var precomprometido: Int64?
    var comprometido: Int64?
    var devengado: Int64
    var pagado: Int64
    var adiciones: Int64?
    var disminuciones: Int64?
    var traspasosPositivos: Int64?
    var traspasosNegativos: Int64?
    var transferenciasPositivas: Int64?
    var transferenciasNegativas: Int64?

    static let databaseTableName = "budget_snapshot_line"

    enum CodingKeys: String, CodingKey {
        case id, asignado, modificado, vigente, precomprometido, comprometido, devengado, pagado, adiciones, disminuciones
        case traspasosPositivos = "traspasos_positivos"
        case traspasosNegativos = "traspasos_negativos"
        case transferenciasPositivas = "transferencias_positivas"
        case transferenciasNegativas = "transferencias_negativas"
        case budgetSnapshotID = "budget_snapshot_id"
        case budgetLineID = "budget_line_id"
        case sourceLine = "source_line"
    }

    // MARK: - Database

    enum Columns {
        static let budgetSnapshotID = Column(CodingKeys.budgetSnapshotID)
        static let budgetLineID = Column(CodingKeys.budgetLineID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ amounts: ExecutionAmounts, sourceLine: Int, budgetSnapshotID: Int64, budgetLineID: Int64) {
        self.budgetSnapshotID = budgetSnapshotID
        self.budgetLineID = budgetLineID
        self.sourceLine = sourceLine
        self.asignado = amounts.asignado.centavos
        self.modificado = amounts.modificado.centavos
        self.vigente = amounts.vigente.centavos
        self.precomprometido = amounts.precomprometido?.centavos
        self.comprometido = amounts.comprometido?.centavos
        self.devengado = amounts.devengado.centavos
        self.pagado = amounts.pagado.centavos
        let parts = amounts.modificaciones
        self.adiciones = parts?.adiciones?.centavos
        self.disminuciones = parts?.disminuciones?.centavos
        self.traspasosPositivos = parts?.traspasosPositivos?.centavos
        self.traspasosNegativos = parts?.traspasosNegativos?.centavos
        self.transferenciasPositivas = parts?.transferenciasPositivas?.centavos
        self.transferenciasNegativas = parts?.transferenciasNegativas?.centavos
    }

    /// The parts of the modifications, nil when none was stored.
    var modificaciones: BudgetModifications? {
        BudgetModifications.stored(
            adiciones: adiciones, disminuciones: disminuciones, traspasosPositivos: traspasosPositivos,
            traspasosNegativos: traspasosNegativos, transferenciasPositivas: transferenciasPositivas,
            transferenciasNegativas: transferenciasNegativas)
    }

    func amounts(months: [Int: Money]) -> ExecutionAmounts {
        ExecutionAmounts(
            asignado: Money(centavos: asignado), modificado: Money(centavos: modificado), vigente: Money(centavos: vigente),
            precomprometido: precomprometido.map(Money.init(centavos:)), comprometido: comprometido.map(Money.init(centavos:)),
            devengado: Money(centavos: devengado), pagado: Money(centavos: pagado), devengadoMensual: months,
            modificaciones: modificaciones)
    }
}
