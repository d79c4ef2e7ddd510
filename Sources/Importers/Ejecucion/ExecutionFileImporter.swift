import Domain
import Foundation

/// The budget-execution importer as the pipeline drives it: each valid line handed over as soon as its row is
/// read (see ``ExecutionImporter/stream(_:options:each:)``), the file's cut-off and problems at its end.
public struct ExecutionFileImporter: Importer {
    /// What the user told the import (year, month, cut-off date, partial pages).
    public var options: ExecutionImportOptions

    public init(options: ExecutionImportOptions = ExecutionImportOptions()) {
        self.options = options
    }

    public var acceptedExtensions: Set<String> { ["csv", "txt", "tsv", "xlsx", "json"] }

    public func read(_ file: ImportFile, emit: (consuming ImportEvent<BudgetLine>) throws -> Void) throws
        -> ImportReading
    {
        // The row-problems callback is optional, hence escaping, though it never outlives this call.
        try withoutActuallyEscaping(emit) { emit in try read(file, emitting: emit) }
    }

    private func read(_ file: ImportFile, emitting emit: @escaping (consuming ImportEvent<BudgetLine>) throws -> Void)
        throws
        -> ImportReading
    {
        var written = 0
        // A row's first error rejects it; its other problems, and warnings, are notes under it.
        var lastRejectedLine: Int?
        let scan = try ExecutionImporter.stream(file.url, options: options) { repair in
            try emit(.repaired(repair))
        } rowDiagnostic: { diagnostic in
            if diagnostic.severity == .error, let line = diagnostic.line, line != lastRejectedLine {
                lastRejectedLine = line
                try emit(.rejected(diagnostic))
            } else {
                try emit(.diagnostic(diagnostic))
            }
        } each: { line in
            // Lines are handed on, not copied: the position is taken first so the line itself moves.
            let position = RecordPosition(line: line.sourceLine)
            try emit(.record(line, at: position))
            written += 1
            if written % 2000 == 0 { try emit(.progress(bytes: 0, rows: written)) }
        }
        var fileErrors: [Diagnostic] = []
        var notes: [String] = []
        // Facts about the whole file (values rounded) read as lines of the summary.
        let facts = scan.diagnostics.filter { $0.severity == .info && $0.line == nil }
        notes += facts.map(\.message)
        let scanDiagnostics = scan.diagnostics.filter { !($0.severity == .info && $0.line == nil) }
        if scan.hasFileLevelErrors {
            // A file refused as a whole shows every error; none of them is a row left out of an import.
            fileErrors = scanDiagnostics.filter { $0.severity == .error }
            for note in scanDiagnostics where note.severity != .error { try emit(.diagnostic(note)) }
        } else {
            let split = DiagnosticSplit(scanDiagnostics)
            try split.emit(emit)
            fileErrors = split.fileErrors
        }
        if scan.cutoff == nil && fileErrors.isEmpty {
            fileErrors.append(
                Diagnostic(
                    file: file.displayName, field: "ejercicio",
                    message: "el archivo no dice su ejercicio; indíquelo con --year"))
        }
        if let cutoff = scan.cutoff { notes.insert("corte \(cutoff)", at: 0) }
        if scan.totalsRows > 0 { notes.append("\(scan.totalsRows) fila(s) de totales verificadas") }
        notes.append("vigente \(scan.total.vigente.formatted), devengado \(scan.total.devengado.formatted)")
        return ImportReading(
            shape: scan.formatDescription, rowsRead: scan.rowsRead, rowsRejected: scan.rowsRejected, notes: notes,
            fileErrors: fileErrors, cutoff: scan.cutoff)
    }
}
