import Foundation

/// One link as SQLite holds it, with its purchase's title, read in place: texts are SQLite's own bytes, valid only
/// inside the call that hands the view over. For `vinculos`, which prints a national year's 300,000 links without
/// building a ``Domain/ProcurementLink`` (and its strings and id arrays) for each.
public struct LinkRowView {
    /// The columns, in the order ``Ledger/forEachLinkRow(ejercicio:nog:buyer:_:)`` selects them.
    public enum Column: Int32, Sendable {
        case ejercicio, nog, productCode, subproductCode, renglon, supplierID, method, shareBillionths, amount
        case evidenceIDs, ruleID, manualFile, manualLine, provenance, dependsOn, note
        /// The purchase's title; NULL when the ledger does not hold the NOG.
        case title
    }

    let statement: FlagRawStatement

    /// The column's bytes as SQLite stores them (not checked as UTF-8, not cut at a NUL), nil when NULL.
    public func text(_ column: Column) -> UnsafeBufferPointer<UInt8>? {
        statement.bytes(column.rawValue)
    }

    /// The column's integer, nil when NULL.
    public func integer(_ column: Column) -> Int64? {
        statement.isNull(column.rawValue) ? nil : statement.int64(column.rawValue)
    }
}
