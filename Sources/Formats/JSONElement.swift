import Foundation

/// One element cut out of a JSON document by ``JSONArrayElementScanner`` or ``JSONLinesReader``.
public struct JSONElement: Sendable {
    /// The element's exact bytes (a complete JSON value).
    public var bytes: Data
    /// Byte offset of the element's first byte in the file.
    public var offset: Int64
    /// 1-based line of the element's first byte (always 1 in a minified file; use ``offset`` then).
    public var line: Int
    /// 0-based position of the element in its array (or line index in JSON Lines).
    public var index: Int
    /// The top-level key of the array it came from (`records`, `releases`), or nil for a root array, a line of
    /// JSON Lines, or a root object yielded whole.
    public var arrayKey: String?

    /// Creates an element.
    public init(bytes: Data, offset: Int64, line: Int, index: Int, arrayKey: String?) {
        self.bytes = bytes
        self.offset = offset
        self.line = line
        self.index = index
        self.arrayKey = arrayKey
    }

    /// A JSON-path-like location for diagnostics: `records[12]`, `[3]`, `$`.
    public var path: String {
        if let arrayKey { return "\(arrayKey)[\(index)]" }
        return index < 0 ? "$" : "[\(index)]"
    }
}
