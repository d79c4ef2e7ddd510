import Foundation

/// Where a record came from in its file, precisely enough to name it in a message.
public struct RecordPosition: Sendable, Hashable {
    /// 1-based line (nil when the source has none, as inside an XLSX cell or a one-record page).
    public var line: Int?
    /// The JSON path or column of the record (`records[12]`).
    public var path: String?
    /// The byte offset of the record in the file.
    public var offset: Int64?

    public init(line: Int? = nil, path: String? = nil, offset: Int64? = nil) {
        self.line = line
        self.path = path
        self.offset = offset
    }

    /// `línea 12, records[12], byte 3456`: what is known, in that order.
    public var description: String {
        var parts: [String] = []
        if let line { parts.append("línea \(line)") }
        if let path { parts.append(path) }
        if let offset { parts.append("byte \(offset)") }
        return parts.joined(separator: ", ")
    }
}
