import Domain
import Foundation

/// What reading a manual-links file produced: its rows and warnings (a file with errors is refused as a whole).
public struct ManualLinksReading: Sendable {
    public var links: [ManualLink]
    /// Warnings, such as shares of a NOG that do not add up to 1.
    public var diagnostics: [Diagnostic]
    public var rowsRead: Int
    /// SHA-256 of the file.
    public var sha256: String

    public init(links: [ManualLink], diagnostics: [Diagnostic], rowsRead: Int, sha256: String) {
        self.links = links
        self.diagnostics = diagnostics
        self.rowsRead = rowsRead
        self.sha256 = sha256
    }
}
