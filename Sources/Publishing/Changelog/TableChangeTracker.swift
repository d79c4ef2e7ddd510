import Foundation

/// Compares one table as it is being written with the same table in the earlier publication, by primary key,
/// in bounded memory: a first pass keeps only a hash of each earlier row; rows written now are checked against
/// it as they stream by (new keys are added rows); a second pass over the earlier file lists the rows that are
/// gone and, for rows that changed, each changed field with its old and new value.
///
/// Provenance columns (ejercicio, mes, fecha de corte, entidad) are not compared unless they are part of the
/// key: they say which period a file reports, not what the data are.
final class TableChangeTracker {
    private let primaryKey: [String]
    private let previous: PreviousPublication
    private let output: ChangeWriter
    private var table = ""
    private var columns: [DataColumn] = []
    private var keyIndices: [Int] = []
    private var comparedIndices: [Int] = []
    private var previousFile: URL?
    /// Earlier rows not yet seen now: key → hash of the compared values.
    private var unseen: [String: Int] = [:]
    /// Rows whose values changed: key → the values written now.
    private var changed: [String: [ChangeValue]] = [:]

    init(primaryKey: [String], previous: PreviousPublication, output: ChangeWriter) {
        self.primaryKey = primaryKey
        self.previous = previous
        self.output = output
    }

    func begin(_ heading: TableHeading) throws {
        table = heading.name
        columns = heading.columns
        keyIndices = primaryKey.compactMap { name in columns.firstIndex { $0.name == name } }
        if keyIndices.count != primaryKey.count || keyIndices.isEmpty { keyIndices = Array(columns.indices) }
        comparedIndices = columns.indices.filter { !columns[$0].isProvenance || keyIndices.contains($0) }
        previousFile = previous.file(for: table)
        guard let previousFile else { return }
        try previous.forEachRow(in: previousFile) { row in
            let values = aligned(row)
            unseen[key(values)] = hash(values)
        }
    }

    func add(_ row: [Cell]) throws {
        let values = columns.indices.map { ChangeValue(cell: $0 < row.count ? row[$0] : .empty) }
        let key = key(values)
        guard let earlier = unseen.removeValue(forKey: key) else {
            try output.emit(table: table, change: "agregada", key: describe(values), field: "*", old: "", new: "")
            return
        }
        if earlier != hash(values) { changed[key] = values }
    }

    func finish() throws {
        guard let previousFile, !(unseen.isEmpty && changed.isEmpty) else { return }
        try previous.forEachRow(in: previousFile) { row in
            let old = aligned(row)
            let key = key(old)
            if unseen[key] != nil {
                try output.emit(table: table, change: "eliminada", key: describe(old), field: "*", old: "", new: "")
            } else if let new = changed[key] {
                for index in comparedIndices where old[index].canonical != new[index].canonical {
                    try output.emit(
                        table: table, change: "modificada", key: describe(new), field: columns[index].name,
                        old: old[index].display, new: new[index].display)
                }
            }
        }
    }

    /// An earlier row's values in today's column order (a column it lacked is empty).
    private func aligned(_ row: [String: FlatJSONObject.Value]) -> [ChangeValue] {
        columns.map { ChangeValue(published: row[$0.name]) }
    }

    private func key(_ values: [ChangeValue]) -> String {
        keyIndices.map { values[$0].canonical }.joined(separator: "\u{1F}")
    }

    private func hash(_ values: [ChangeValue]) -> Int {
        var hasher = Hasher()
        for index in comparedIndices { hasher.combine(values[index].canonical) }
        return hasher.finalize()
    }

    /// `nog=16106805` or `nog=16106805; adjudicacion=1`.
    private func describe(_ values: [ChangeValue]) -> String {
        keyIndices.map { "\(columns[$0].name)=\(values[$0].display)" }.joined(separator: "; ")
    }
}
