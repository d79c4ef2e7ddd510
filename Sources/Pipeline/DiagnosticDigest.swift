import Domain
import Foundation

/// Diagnostics grouped by what they say, keeping only the first few of each group and counting the rest, so an
/// import's memory does not grow with the number of bad rows and a user sees «the same problem on 94 lines» once.
public struct DiagnosticDigest: Sendable {
    /// Diagnostics that say the same thing about the same field.
    public struct Group: Sendable {
        /// The first diagnostics of the group, in the order found.
        public var examples: [Diagnostic]
        /// How many diagnostics the group holds.
        public var count: Int
        /// The first lines of the group (more than the examples, so a summary can name where to look).
        public var lines: [Int]
    }

    /// Examples kept per group.
    public static let examplesPerGroup = 3
    /// Line numbers kept per group.
    public static let linesPerGroup = 12
    /// Groups kept; diagnostics of further groups are only counted.
    public static let maxGroups = 100

    public private(set) var groups: [Group] = []
    private var index: [String: Int] = [:]
    /// Diagnostics counted but not kept because there were too many kinds of them.
    public private(set) var overflow = 0
    /// Diagnostics added, by severity.
    public private(set) var counts: [Diagnostic.Severity: Int] = [:]

    public init() {}

    /// Adds a diagnostic.
    public mutating func add(_ diagnostic: Diagnostic) {
        counts[diagnostic.severity, default: 0] += 1
        let key = Self.key(diagnostic)
        if let position = index[key] {
            groups[position].count += 1
            if groups[position].examples.count < Self.examplesPerGroup { groups[position].examples.append(diagnostic) }
            if let line = diagnostic.line, groups[position].lines.count < Self.linesPerGroup {
                groups[position].lines.append(line)
            }
            return
        }
        guard groups.count < Self.maxGroups else {
            overflow += 1
            return
        }
        index[key] = groups.count
        groups.append(Group(examples: [diagnostic], count: 1, lines: diagnostic.line.map { [$0] } ?? []))
    }

    /// How many diagnostics of a severity were added.
    public func count(_ severity: Diagnostic.Severity) -> Int { counts[severity] ?? 0 }

    /// True when nothing was added.
    public var isEmpty: Bool { counts.isEmpty }

    /// Severity, field and message with the quoted values and numbers taken out: `«2021» no es el ejercicio
    /// 2022` and `«2020» no es el ejercicio 2022` are one group.
    static func key(_ diagnostic: Diagnostic) -> String {
        var template = ""
        var quoted = false
        var previousWasDigit = false
        for character in diagnostic.message {
            if character == "«" {
                quoted = true
                template.append("«…»")
                continue
            }
            if character == "»" {
                quoted = false
                continue
            }
            if quoted { continue }
            if character.isNumber {
                if !previousWasDigit { template.append("#") }
                previousWasDigit = true
                continue
            }
            previousWasDigit = false
            template.append(character)
        }
        return "\(diagnostic.severity.rawValue)|\(diagnostic.field ?? "")|\(template)"
    }
}
