import Foundation

/// One record of a delimited file, with the line where it starts.
public struct CSVRecord: Hashable, Sendable {
    /// 1-based physical line where the record starts (quoted fields may span lines).
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// True for a record whose every field is empty or blank (trailing `;;;;` lines of Excel exports).
    public var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
}
