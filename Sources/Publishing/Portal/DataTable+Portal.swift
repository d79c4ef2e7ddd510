import Domain
import Foundation

extension DataTable {
    /// The index of a column by name.
    func column(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// A row's cell in a column (empty when the column is missing).
    func cell(_ row: [Cell], _ name: String) -> Cell {
        guard let index = column(name), index < row.count else { return .empty }
        return row[index]
    }

    /// The first totals row's cell in a column.
    func total(_ name: String) -> Cell {
        guard let row = totals.first else { return .empty }
        return cell(row, name)
    }

    /// The table with only the rows kept by `keep` (totals dropped: they added up every row).
    func filtered(title: String? = nil, _ keep: ([Cell]) -> Bool) -> DataTable {
        var table = self
        table.rows = rows.filter(keep)
        table.totals = []
        if let title { table.title = title }
        return table
    }

    /// The table with a column added after another (or last), one value per row; totals rows get `total`.
    func adding(_ column: DataColumn, after: String?, total: Cell = .empty, values: ([Cell]) throws -> Cell) rethrows
        -> DataTable
    {
        var table = self
        let position = after.flatMap { self.column($0).map { $0 + 1 } } ?? columns.count
        table.columns.insert(column, at: position)
        table.rows = try rows.map { row in
            var row = row
            let value = try values(row)
            row.insert(value, at: min(position, row.count))
            return row
        }
        table.totals = totals.map { row in
            var row = row
            row.insert(total, at: min(position, row.count))
            return row
        }
        return table
    }
}

extension Cell {
    /// The amount of a money cell.
    var money: Money? {
        if case .money(let money) = self { return money }
        return nil
    }
}
