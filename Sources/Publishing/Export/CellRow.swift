import Domain

/// A row built as cells, for a sink that takes cells (``RowFields``).
struct CellRow: RowFields {
    private(set) var cells: [Cell] = []

    init(capacity: Int) {
        cells.reserveCapacity(capacity)
    }

    /// The cells of a row.
    static func cells(of row: some TableRow, capacity: Int) throws -> [Cell] {
        var built = CellRow(capacity: capacity)
        try row.fill(&built)
        return built.cells
    }

    mutating func text(_ value: String) { cells.append(.text(value)) }
    mutating func empty() { cells.append(.empty) }
    mutating func integer(_ value: Int64) { cells.append(.integer(value)) }
    mutating func money(_ centavos: Int64) { cells.append(.money(Money(centavos: centavos))) }
    mutating func cell(_ cell: Cell) { cells.append(cell) }
}
