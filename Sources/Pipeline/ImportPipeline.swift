import Domain
import Foundation
import Importers
import Ledger
import Logging

/// Drives every import the same way, whatever the source kind: file checks, one digest, idempotency, ZIP
/// expansion, one transaction per file, all-or-nothing or `--allow-rejects`, dry runs, reading on one thread
/// and writing on another, progress, cancellation, and one ``ImportReport`` per file.
public struct ImportPipeline: Sendable {
    /// The ledger written to (an empty in-memory one for a dry run without a ledger file).
    public let ledger: Ledger
    /// The tool version recorded with each run.
    public let toolVersion: String
    /// Set by the caller to stop the import in progress (its transaction is rolled back).
    public let cancellation: ImportCancellation
    /// Where each file's import is logged (`import.file`, `import.kind`, `import.status`, `import.seconds`).
    public let logger: Logger

    public init(
        ledger: Ledger, toolVersion: String, cancellation: ImportCancellation = ImportCancellation(),
        logger: Logger = Logger(label: "transparencia.importacion")
    ) {
        self.ledger = ledger
        self.toolVersion = toolVersion
        self.cancellation = cancellation
        self.logger = logger
    }

    /// Imports a file (or each importable entry of a ZIP), reporting each file's result through `observe` as soon
    /// as it is known.
    ///
    /// - Returns: one report per file imported (a ZIP may hold several).
    /// - Throws: ``PipelineError/cancelled`` when cancelled (nothing of the file in progress is kept), or
    ///   ``LedgerError`` when the ledger itself fails. Problems of the file are reports, not errors.
    public func run(_ request: ImportRequest, observe: (PipelineEvent) -> Void = { _ in }) throws -> [ImportReport] {
        try withoutActuallyEscaping(observe) { observe in
            try request.kind.accept(
                FileImport(pipeline: self, request: request, observe: observe), options: request.options, ledger: ledger
            )
        }
    }
}
