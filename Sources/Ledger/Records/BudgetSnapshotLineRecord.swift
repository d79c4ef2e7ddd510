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
    /// Devengado of each month (columns `devengado_01` … `devengado_12`), nil for a month the file did not give.
    var devengado01: Int64?
    var devengado02: Int64?
    var devengado03: Int64?
    var devengado04: Int64?
    var devengado05: Int64?
    var devengado06: Int64?
    var devengado07: Int64?
    var devengado08: Int64?
    var devengado09: Int64?
    var devengado10: Int64?
    var devengado11: Int64?
    var devengado12: Int64?

    static let databaseTableName = "budget_snapshot_line"

    enum CodingKeys: String, CodingKey {
        case id, asignado, modificado, vigente, precomprometido, comprometido, devengado, pagado, adiciones,
            disminuciones
        case traspasosPositivos = "traspasos_positivos"
        case traspasosNegativos = "traspasos_negativos"
        case transferenciasPositivas = "transferencias_positivas"
        case transferenciasNegativas = "transferencias_negativas"
        case budgetSnapshotID = "budget_snapshot_id"
        case budgetLineID = "budget_line_id"
        case sourceLine = "source_line"
        case devengado01 = "devengado_01", devengado02 = "devengado_02", devengado03 = "devengado_03"
        case devengado04 = "devengado_04", devengado05 = "devengado_05", devengado06 = "devengado_06"
        case devengado07 = "devengado_07", devengado08 = "devengado_08", devengado09 = "devengado_09"
        case devengado10 = "devengado_10", devengado11 = "devengado_11", devengado12 = "devengado_12"
    }

    /// The monthly columns in month order, as SQL lists them.
    static let monthColumnNames = (1...12).map { month in "devengado_" + (month < 10 ? "0\(month)" : "\(month)") }

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
        self.monthly = amounts.devengadoMensual.mapValues(\.centavos)
    }

    /// The monthly columns as month (1…12) → centavos, without the months that are NULL.
    var monthly: [Int: Int64] {
        get {
            let columns = [
                devengado01, devengado02, devengado03, devengado04, devengado05, devengado06, devengado07, devengado08,
                devengado09, devengado10, devengado11, devengado12,
            ]
            var months: [Int: Int64] = [:]
            for (index, value) in columns.enumerated() { if let value { months[index + 1] = value } }
            return months
        }
        set {
            devengado01 = newValue[1]
            devengado02 = newValue[2]
            devengado03 = newValue[3]
            devengado04 = newValue[4]
            devengado05 = newValue[5]
            devengado06 = newValue[6]
            devengado07 = newValue[7]
            devengado08 = newValue[8]
            devengado09 = newValue[9]
            devengado10 = newValue[10]
            devengado11 = newValue[11]
            devengado12 = newValue[12]
        }
    }

    /// The parts of the modifications, nil when none was stored.
    var modificaciones: BudgetModifications? {
        BudgetModifications.stored(
            adiciones: adiciones, disminuciones: disminuciones, traspasosPositivos: traspasosPositivos,
            traspasosNegativos: traspasosNegativos, transferenciasPositivas: transferenciasPositivas,
            transferenciasNegativas: transferenciasNegativas)
    }

    /// The amounts with the monthly devengado of the record's own columns.
    var amounts: ExecutionAmounts {
        ExecutionAmounts(
            asignado: Money(centavos: asignado), modificado: Money(centavos: modificado),
            vigente: Money(centavos: vigente),
            precomprometido: precomprometido.map(Money.init(centavos:)),
            comprometido: comprometido.map(Money.init(centavos:)),
            devengado: Money(centavos: devengado), pagado: Money(centavos: pagado),
            devengadoMensual: MonthlyAmounts(monthly.mapValues(Money.init(centavos:))),
            modificaciones: modificaciones)
    }
}
