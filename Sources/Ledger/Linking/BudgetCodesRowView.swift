/// The codes of current budget lines as SQLite holds them, read in place: SQLite's own bytes, valid only inside
/// the call that hands the view over. For a lookup of a national year's million lines, which needs no
/// ``Domain/BudgetKey`` (thirteen strings) per line.
public struct BudgetCodesRowView {
    let statement: FlagRawStatement
    /// The line's fiscal year.
    public let ejercicio: Int

    public var entidad: UnsafeBufferPointer<UInt8> { code(1) }
    /// Empty when the lines have none, as ``Domain/LinkEvidence/matches(_:)`` compares an absent one.
    public var unidadEjecutora: UnsafeBufferPointer<UInt8> { code(2) }
    public var programa: UnsafeBufferPointer<UInt8> { code(3) }
    public var subprograma: UnsafeBufferPointer<UInt8> { code(4) }
    public var proyecto: UnsafeBufferPointer<UInt8> { code(5) }
    public var actividad: UnsafeBufferPointer<UInt8> { code(6) }
    public var obra: UnsafeBufferPointer<UInt8> { code(7) }
    /// Three ASCII digits: lines whose renglón is not one are skipped.
    public var renglon: UnsafeBufferPointer<UInt8> { code(8) }

    /// The column's bytes, empty when NULL (a NULL column gives SQLite no pointer).
    private func code(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        statement.bytes(column) ?? UnsafeBufferPointer(start: nil, count: 0)
    }
}
