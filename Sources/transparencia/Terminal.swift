import Domain
import Foundation
import Ledger
import Publishing

/// Where the CLI writes: data to stdout, messages and progress to stderr.
enum Terminal {
    /// Writes a line to stderr, with control characters from the data made harmless (``TerminalText``).
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.sanitized(text, keepingNewlines: true) + "\n").utf8))
    }

    /// Writes data to stdout unbuffered, so it interleaves in order with stderr notes.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Prints an error's Spanish description to stderr.
    static func printError(_ error: any Error) {
        let error = LedgerError.explaining(error)
        let text = (error as? any LocalizedError)?.errorDescription ?? "\(error)"
        note("error: \(text)")
    }

    /// Prints diagnostics to stderr, errors first, at most `limit` of them.
    static func printDiagnostics(_ diagnostics: [Diagnostic], limit: Int = 200) {
        let sorted = diagnostics.sorted { ($0.severity, $1.line ?? 0) > ($1.severity, $0.line ?? 0) }
        for diagnostic in sorted.prefix(limit) { note(TerminalText.sanitized(diagnostic.description)) }
        if sorted.count > limit { note("… y \(sorted.count - limit) diagnóstico(s) más") }
    }

    /// True when stderr is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
