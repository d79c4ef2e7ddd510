import Domain

/// One evidence row as SQLite holds it, read in place: texts are SQLite's own bytes, valid only inside the call
/// that hands the view over. For checks that look at every row of a national year (300,000) and cite a few:
/// building a ``StoredLinkEvidence`` each, fifteen strings, cost more than the checks.
public struct LinkEvidenceRowView {
    let statement: FlagRawStatement
    /// The row's id: rows imported later have larger ones.
    public let id: Int64
    /// The file the row came from.
    public let fileName: String

    /// 1-based line in the source file.
    public var sourceLine: Int { Int(statement.int64(LinkEvidenceColumn.line.rawValue)) }

    /// The row's fiscal year, nil when it gives none.
    public var ejercicio: Int? {
        statement.isNull(LinkEvidenceColumn.ejercicio.rawValue)
            ? nil : Int(statement.int64(LinkEvidenceColumn.ejercicio.rawValue))
    }

    public var monto: Money { Money(centavos: statement.int64(LinkEvidenceColumn.monto.rawValue)) }

    /// The column's UTF-8 bytes, nil when NULL.
    public func text(_ column: LinkEvidenceColumn) -> UnsafeBufferPointer<UInt8>? {
        statement.bytes(column.rawValue)
    }

    /// The column's text as ``StoredLinkEvidence`` would give it (invalid UTF-8 repaired), nil when NULL.
    public func string(_ column: LinkEvidenceColumn) -> String? {
        statement.string(column.rawValue)
    }
}
