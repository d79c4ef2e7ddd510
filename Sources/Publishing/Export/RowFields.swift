import Domain

/// Where a table's row goes, field by field in column order: the bytes of its files (``FieldRow``) or cells for a
/// sink that takes cells (``CellRow``). A table describes its row once (``TableRow``) and both get the same values.
protocol RowFields {
    /// A text value (a `.text` cell), even an empty one.
    mutating func text(_ value: String)
    /// An empty value: nothing in CSV, `null` in JSON.
    mutating func empty()
    mutating func integer(_ value: Int64)
    /// An amount in centavos (a `.money` cell).
    mutating func money(_ centavos: Int64)
    /// Any cell, as a sink of cells writes it.
    mutating func cell(_ cell: Cell)
    /// A text value given as the ledger's bytes, read in place: the value GRDB would read (``StoredText``).
    mutating func storedText(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension RowFields {
    mutating func storedText(_ bytes: UnsafeBufferPointer<UInt8>) {
        text(StoredText.string(bytes))
    }

    /// Stored text when there is a value, even an empty one; empty when NULL.
    mutating func presentStoredText(_ bytes: UnsafeBufferPointer<UInt8>?) {
        if let bytes { storedText(bytes) } else { empty() }
    }

    /// Text that is empty when absent or empty (as ``Provenance/text(_:)``).
    mutating func optionalText(_ value: String?) {
        if let value, !value.isEmpty { text(value) } else { empty() }
    }

    /// Text when there is a value, even an empty one; empty when there is none.
    mutating func presentText(_ value: String?) {
        if let value { text(value) } else { empty() }
    }

    /// An integer, or empty when absent (as ``Provenance/integer(_:)``).
    mutating func optionalInteger(_ value: Int?) {
        if let value { integer(Int64(value)) } else { empty() }
    }

    /// An amount, or empty when absent.
    mutating func optionalMoney(_ amount: Money?) {
        if let amount { money(amount.centavos) } else { empty() }
    }
}
