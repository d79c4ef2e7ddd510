import Foundation

/// A row of text cells keyed by normalized column name, with where it came from (CSV line or JSON path).
///
/// CSV and JSON inputs of the same kind are turned into raw rows first, so one validator serves both
/// and reports problems the same way.
public struct RawRow: Sendable {
    /// 1-based line for delimited files; nil for JSON.
    public var line: Int?
    /// JSON path prefix (`productos[2]`) for JSON inputs; nil for delimited files.
    public var path: String?
    public var cells: [String: String]

    public init(line: Int?, path: String? = nil, cells: [String: String]) {
        self.line = line
        self.path = path
        self.cells = cells
    }

    /// The trimmed cell of a column ("" when absent).
    public subscript(column: String) -> String {
        (cells[column] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The field label for a diagnostic: the column name, or the JSON path of the value.
    public func field(_ column: String) -> String {
        path.map { "\($0).\(column)" } ?? column
    }
}
