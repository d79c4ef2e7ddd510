import ArgumentParser
import Domain
import Foundation
import Importers
import Ledger
import Pipeline

/// What every `import` subcommand does once its options are parsed: one pipeline request per file, each
/// file's report printed as soon as it is known, exit 2 when any file was refused or unreadable.
struct ImportCommandRunner {
    /// The ledger file.
    let db: String
    var dryRun = false
    var allowRejects = false
    var quiet = false
    var provenance: ImportProvenance?

    /// A runner for an import subcommand's parsed options.
    init(ledgerOptions: LedgerOptions, flags: ImportFlags) {
        db = ledgerOptions.db
        dryRun = flags.dryRun
        allowRejects = flags.allowRejects
        quiet = flags.quiet
        if flags.sourceURL != nil || flags.etag != nil {
            provenance = ImportProvenance(sourceURL: flags.sourceURL, etag: flags.etag)
        }
    }

    /// A runner for imports asked by another command (`fetch --import`).
    init(db: String, quiet: Bool) {
        self.db = db
        self.quiet = quiet
    }

    /// Imports `files` as `kind`.
    func run(_ files: [String], kind: SourceKind, options: ImportOptions = ImportOptions()) throws {
        let requests = files.map { path in
            ImportRequest(
                file: URL(fileURLWithPath: path), kind: kind, options: options, dryRun: dryRun,
                allowRejects: allowRejects, provenance: provenance)
        }
        try run(requests)
    }

    /// Runs requests, each file's report printed as soon as it is known.
    func run(_ requests: [ImportRequest]) throws {
        // A dry run without a ledger file runs against an empty one in memory: it says what a first import would do.
        let ledger =
            dryRun && !FileManager.default.fileExists(atPath: db) ? try Ledger.inMemory() : try Ledger.open(path: db)
        let pipeline = ImportPipeline(
            ledger: ledger, toolVersion: Transparencia.version, cancellation: Interruption.shared.cancellation)
        let printer = ImportReportPrinter(quiet: quiet)
        let progress = ProgressDisplay(enabled: !quiet && Terminal.stderrIsTerminal)
        var failed = false
        for request in requests {
            let reports = try Interruption.shared.whileImporting {
                try pipeline.run(request) { event in
                    switch event {
                    case .progress(let position): progress.show(position)
                    case .finished(let report):
                        progress.clear()
                        printer.print(report)
                    }
                }
            }
            failed = failed || reports.contains(where: \.isFailure)
        }
        if failed { throw ExitCode(2) }
    }
}
