import Domain
import Formats

/// One data row of a flat export after text clean-up, before dates are read (their order is decided per file).
struct ComprasFlatRow: Sendable {
    var line: Int
    var nog: String
    /// Cell text by ``ComprasColumn/position`` (an array, not a dictionary: files have 100,000s of rows).
    var values: [String]
    var amount: Money?

    func value(_ column: ComprasColumn) -> String { values[column.position] }
}
