import Domain
import Foundation

/// Check results as a printable report.
public enum CheckReport {
    /// One line per check, findings indented under it, and a closing summary line.
    public static func text(_ results: [CheckResult]) -> String {
        var lines: [String] = []
        for result in results {
            lines.append("[\(result.statusLabel)] \(result.id) — \(result.title)")
            for finding in result.findings {
                let reference = finding.reference.map { " (\($0))" } ?? ""
                lines.append("    \(finding.severity.label): \(finding.message)\(reference)")
            }
        }
        let failed = results.filter { !$0.passed }.count
        lines.append("")
        lines.append(
            failed == 0
                ? "\(results.count) verificaciones: todas correctas."
                : "\(results.count) verificaciones: \(failed) con errores.")
        return lines.joined(separator: "\n") + "\n"
    }
}
