import Domain
import Foundation

/// Where an OCDS element sits in its file, for diagnostics: file, line, byte offset and JSON path.
public struct OCDSLocation: Sendable, Hashable {
    /// The file (or `zip:entry`) name.
    public var file: String
    /// 1-based line of the element's first byte.
    public var line: Int
    /// Byte offset of the element's first byte.
    public var offset: Int64
    /// `records[12]`, `releases[3]`, `[5]` (JSON Lines), `$` (a bare release); empty for a row of a flattened sheet
    /// (the file and line say where).
    public var path: String

    /// Creates a location.
    public init(file: String, line: Int, offset: Int64, path: String) {
        self.file = file
        self.line = line
        self.offset = offset
        self.path = path
    }

    /// A diagnostic at this element, with a field path below it (`compiledRelease.awards[0].value`).
    func diagnostic(_ severity: Diagnostic.Severity, field: String? = nil, _ message: String) -> Diagnostic {
        let fullField = field.map { path.isEmpty ? $0 : path + "." + $0 } ?? (path.isEmpty ? nil : path)
        return Diagnostic(file: file, line: line, field: fullField, severity: severity, message: message)
    }
}
