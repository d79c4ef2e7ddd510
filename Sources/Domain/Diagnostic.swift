import Foundation

/// A problem found in user data, located precisely enough to fix it: file, line, field.
///
/// Importers and checks collect these instead of throwing at the first problem, so a user sees every
/// problem of a file in one run.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
        /// Informative: nothing is wrong, but the user should know (e.g. values repaired).
        case info
        /// Stored and reported; does not block the import.
        case warning
        /// Blocks the import of the file (or fails the check).
        case error

        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

        /// The Spanish label printed before the message.
        public var label: String {
            switch self {
            case .info: "aviso"
            case .warning: "advertencia"
            case .error: "error"
            }
        }
    }

    public var file: String
    /// 1-based line of the file (or nil when the problem concerns the whole file).
    public var line: Int?
    /// Column name, JSON path or field label.
    public var field: String?
    public var severity: Severity
    /// The message in Spanish, saying what is wrong and, where possible, how to fix it.
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.severity = severity
        self.message = message
    }

    /// `archivo.csv:12: campo «meta_fisica»: error: «doce» no es un número`
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        let fieldPart = field.map { " campo «\($0)»:" } ?? ""
        return "\(location):\(fieldPart) \(severity.label): \(message)"
    }
}

extension Sequence where Element == Diagnostic {
    /// True when any diagnostic blocks an import.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
