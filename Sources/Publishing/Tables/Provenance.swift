import Domain
import Foundation

/// The columns every published table starts with, so files of several months and entities can be stacked:
/// ejercicio, mes (and fecha de corte for execution), entidad. Each table says what they mean for it.
enum Provenance {
    static func ejercicio(_ description: String = "Ejercicio fiscal") -> DataColumn {
        DataColumn("ejercicio", .integer, description, provenance: true)
    }

    static func mes(_ description: String) -> DataColumn {
        DataColumn("mes", .integer, description, provenance: true)
    }

    static let fechaCorte = DataColumn(
        "fecha_corte", .date,
        "Fecha de corte de la ejecución: la que dice el archivo importado, o el último día de su mes",
        provenance: true)

    static func entidad(_ description: String) -> DataColumn {
        DataColumn("entidad", .string, description, provenance: true)
    }

    /// The description of `mes` in tables that cover a period asked for (`--month`) or the whole year.
    static let requestedMonth = "Mes informado (--month); vacío: todo el ejercicio"

    /// The description of `entidad` in tables that add up the scope's entity (or every one).
    static let scopeEntity = "Entidad SICOIN del perfil o de --entity; vacío: todas las entidades"

    /// Puts the provenance columns (and their cells) in front of a table built without them; totals rows get
    /// empty provenance cells.
    static func stamp(_ table: inout DataTable, columns: [DataColumn], cells: [Cell]) {
        table.columns = columns + table.columns
        table.rows = table.rows.map { cells + $0 }
        table.totals = table.totals.map { Array(repeating: Cell.empty, count: columns.count) + $0 }
    }

    /// An optional integer cell.
    static func integer(_ value: Int?) -> Cell { value.map { .integer(Int64($0)) } ?? .empty }

    /// An optional text cell (empty text is empty).
    static func text(_ value: String?) -> Cell {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }
}
