import Domain
import Foundation

/// What an importer made of one file: the values, every diagnostic, and how many data rows it read.
public struct ParsedFile<Value: Sendable>: Sendable {
    public var value: Value
    public var diagnostics: [Diagnostic]
    public var rowsRead: Int

    public init(value: Value, diagnostics: [Diagnostic], rowsRead: Int) {
        self.value = value
        self.diagnostics = diagnostics
        self.rowsRead = rowsRead
    }

    /// True when nothing blocks the import.
    public var isImportable: Bool { !diagnostics.containsErrors }
}
