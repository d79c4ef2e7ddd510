import Foundation

extension DataTable {
    /// The same table with only the named columns, in the given order (for narrow screens).
    public func selecting(_ names: [String]) -> DataTable {
        let indices = names.compactMap { name in columns.firstIndex { $0.name == name } }
        func pick(_ row: [Cell]) -> [Cell] { indices.map { $0 < row.count ? row[$0] : .empty } }
        return DataTable(
            name: name, title: title, columns: indices.map { columns[$0] }, rows: rows.map(pick),
            totals: totals.map(pick))
    }
}
