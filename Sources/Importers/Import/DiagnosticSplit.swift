import Domain
import Foundation

/// Sorts the diagnostics of a file read whole into what an import reports: one reject per row with errors, the
/// row's other problems as notes, errors that name no row as problems of the file, warnings as they are.
struct DiagnosticSplit {
    var rejects: [Diagnostic] = []
    var notes: [Diagnostic] = []
    var fileErrors: [Diagnostic] = []

    /// - Parameter refusesFile: true when the errors keep the whole file out (a missing column, no rows): then
    ///   every error is a problem of the file, even one that names the header's line.
    init(_ diagnostics: [Diagnostic], refusesFile: Bool = false) {
        var rejectedLines = Set<Int>()
        for diagnostic in diagnostics {
            guard diagnostic.severity == .error else {
                notes.append(diagnostic)
                continue
            }
            guard let line = diagnostic.line, !refusesFile else {
                fileErrors.append(diagnostic)
                continue
            }
            if rejectedLines.insert(line).inserted { rejects.append(diagnostic) } else { notes.append(diagnostic) }
        }
    }

    /// Emits the rejects and notes, in that order.
    func emit<Record>(_ emit: (consuming ImportEvent<Record>) throws -> Void) throws {
        for reject in rejects { try emit(.rejected(reject)) }
        for note in notes { try emit(.diagnostic(note)) }
    }
}
