import ArgumentParser
import Domain
import Formats
import Foundation
import Importers
import Ledger

/// Runs whole-file imports the same way for every kind: provenance, idempotency, diagnostics, dry runs,
/// summaries and exit codes.
struct ImportRunner {
    let kind: String
    let options: ImportOptions
    let ledger: Ledger

    /// Imports each file; returns false when any file was refused (the caller exits 2).
    func run<Value>(
        files: [String], parse: (URL) throws -> ParsedFile<Value>,
        store: (Ledger, ParsedFile<Value>, ImportSource) throws -> ImportOutcome
    ) throws -> Bool {
        var allImported = true
        for path in files {
            let url = URL(fileURLWithPath: path)
            guard let source = try Self.newSource(url, kind: kind, options: options, ledger: ledger) else { continue }
            let parsed = try parse(url)
            Terminal.printDiagnostics(parsed.diagnostics)
            let errorLines = Set(parsed.diagnostics.filter { $0.severity == .error }.map { $0.line ?? -1 })
            if !parsed.isImportable && !options.allowRejects {
                Terminal.note("\(source.fileName): \(errorLines.count) fila(s) con errores; no se importó nada.")
                allImported = false
                continue
            }
            if options.dryRun {
                Terminal.note("\(source.fileName): \(parsed.rowsRead) filas válidas según la simulación (--dry-run); no se escribió nada.")
                continue
            }
            switch try store(ledger, parsed, source) {
            case .alreadyImported(let run):
                Terminal.note("\(source.fileName): ya importado en la corrida #\(run.id ?? 0); sin cambios")
            case .imported(let run, let counts):
                Terminal.note(Self.summary(source.fileName, run: run, counts: counts, rejected: parsed.isImportable ? 0 : errorLines.count))
            }
        }
        return allImported
    }

    /// The identity of a file about to be imported, or nil (after saying so) when the same bytes were already
    /// imported as this kind: the check runs before parsing, so a re-import costs one hash.
    static func newSource(_ url: URL, kind: String, options: ImportOptions, ledger: Ledger) throws -> ImportSource? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CommandError.missingFile(url.path)
        }
        guard !isDirectory.boolValue else { throw CommandError.message("«\(url.path)» es una carpeta, no un archivo") }
        let digest = try FileDigest.of(url)
        if let earlier = try ledger.existingRun(sourceKind: kind, sha256: digest.sha256) {
            Terminal.note("\(url.lastPathComponent): ya importado en la corrida #\(earlier.id ?? 0) (mismo SHA-256); sin cambios")
            return nil
        }
        return ImportSource(
            sourceKind: kind, fileName: url.lastPathComponent, sha256: digest.sha256, bytes: digest.bytes,
            sourceURL: options.sourceURL, etag: options.etag)
    }

    static func summary(_ file: String, run: ImportRunRecord, counts: ImportCounts, rejected: Int) -> String {
        "\(file): \(counts.rowsRead) filas leídas, \(counts.rowsAccepted) aceptadas, \(rejected) rechazadas; "
            + "\(counts.inserted) nuevas, \(counts.updated) actualizadas, \(counts.unchanged) sin cambios (corrida #\(run.id ?? 0))"
    }
}
