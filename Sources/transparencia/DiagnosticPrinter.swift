import Domain
import Foundation
import Pipeline
import Publishing

/// Diagnostics for a terminal: errors first, each kind of problem once with a few examples, then how many more
/// lines have it («… y 91 más como este: líneas 12, 13, 15…»).
enum DiagnosticPrinter {
    /// Lines for a digest; `errorsOnly` leaves out warnings and notes.
    static func lines(_ digest: DiagnosticDigest, errorsOnly: Bool = false) -> [String] {
        let groups = digest.groups
            .filter { !errorsOnly || $0.examples.first?.severity == .error }
            .filter { $0.examples.first?.severity != .info }
            .sorted { ($0.examples.first?.severity ?? .info) > ($1.examples.first?.severity ?? .info) }
        var lines: [String] = []
        for group in groups {
            lines += group.examples.map { TerminalText.sanitized($0.description) }
            let more = group.count - group.examples.count
            if more > 0 {
                let shown = Set(group.examples.compactMap(\.line))
                let others = group.lines.filter { !shown.contains($0) }
                let placesText =
                    others.isEmpty
                    ? ""
                    : ": líneas " + others.map(String.init).joined(separator: ", ")
                        + (others.count < more ? "…" : "")
                lines.append("  … y \(more) más como este\(placesText)")
            }
        }
        if digest.overflow > 0 { lines.append("  … y \(digest.overflow) diagnóstico(s) de otros tipos") }
        return lines
    }

    /// Lines for a plain list (problems of a whole file), grouped the same way.
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        var digest = DiagnosticDigest()
        for diagnostic in diagnostics { digest.add(diagnostic) }
        return lines(digest)
    }
}
