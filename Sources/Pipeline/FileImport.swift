import Domain
import Formats
import Foundation
import Importers
import Ledger
import Logging

/// The import of one request with its kind's importer and store: expands ZIPs, then imports each file.
struct FileImport: ImportVisitor {
    let pipeline: ImportPipeline
    let request: ImportRequest
    let observe: (PipelineEvent) -> Void

    func visit<I: Importer, S: RecordStore>(_ importer: I, store: S) throws -> [ImportReport]
    where S.Record == I.Record {
        let name = request.file.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.file.path, isDirectory: &isDirectory),
            !isDirectory.boolValue
        else {
            let error = PipelineError.notAFile(path: request.file.path, isDirectory: isDirectory.boolValue)
            return [finished(ImportReport(fileName: name, kind: request.kind, status: .failed(describe(error))))]
        }
        let expansion: ArchiveExpansion
        do {
            expansion = try ArchiveExpansion(request.file, handling: importer.archiveHandling)
        } catch {
            return [finished(failure(error, fileName: name))]
        }
        defer { expansion.removeTemporaryFiles() }
        if expansion.inputs.isEmpty {
            let message =
                "el ZIP no contiene archivos que se importen como \(request.kind.commandName) "
                + "(extensiones: \(importer.acceptedExtensions.sorted().joined(separator: ", ")))"
            return [finished(ImportReport(fileName: name, kind: request.kind, status: .failed(message)))]
        }
        var reports: [ImportReport] = []
        for input in expansion.inputs {
            let digest = input.isOriginal ? request.provenance?.digest : nil
            let report: ImportReport
            do {
                report = try importOne(input.file(makeStage: { try LedgerRowStage() }), digest: digest, importer, store)
            } catch let error as PipelineError where error.isCancellation {
                throw error
            } catch let error as LedgerError {
                throw error
            } catch {
                report = failure(error, fileName: input.displayName)
            }
            reports.append(finished(report))
        }
        return reports
    }

    private func finished(_ report: ImportReport) -> ImportReport {
        pipeline.logger.info(
            "importación terminada",
            metadata: [
                "import.file": "\(report.fileName)", "import.kind": "\(report.kind.rawValue)",
                "import.status": "\(report.status)", "import.rows": "\(report.counts.rowsRead)",
                "import.seconds": "\(report.seconds)",
            ])
        observe(.finished(report))
        return report
    }

    private func failure(_ error: any Error, fileName: String) -> ImportReport {
        var report = ImportReport(fileName: fileName, kind: request.kind, status: .failed(describe(error)))
        if case ImportError.invalidFile(_, let diagnostics) = error {
            for diagnostic in diagnostics { report.diagnostics.add(diagnostic) }
        }
        return report
    }

    private func describe(_ error: any Error) -> String {
        let error = LedgerError.explaining(error)
        return (error as? any LocalizedError)?.errorDescription ?? "\(error)"
    }

    /// Imports one file in one transaction.
    private func importOne<I: Importer, S: RecordStore>(
        _ file: ImportFile, digest known: FileIdentity?, _ importer: I, _ storeTemplate: S
    ) throws -> ImportReport where S.Record == I.Record {
        let started = Date()
        // Reading starts at once and the digest is taken meanwhile; nothing is written before the ledger says the
        // file is new, and the reading is abandoned when it is not.
        let feed = ImportFeed(file, importer, stage: { S.stage($0) }, cancellation: pipeline.cancellation)
        defer { feed.abandon() }
        let identity =
            try known
            ?? {
                let digest = try FileDigest.of(file.url)
                return FileIdentity(sha256: digest.sha256, bytes: digest.bytes)
            }()
        var report = ImportReport(fileName: file.displayName, kind: request.kind, status: .simulated)
        report.bytes = identity.bytes
        let source = ImportSource(
            sourceKind: request.kind.rawValue, fileName: file.displayName, sha256: identity.sha256,
            bytes: identity.bytes, sourceURL: request.provenance?.sourceURL, etag: request.provenance?.etag)
        if let earlier = try pipeline.ledger.existingRun(sourceKind: source.sourceKind, sha256: source.sha256) {
            report.status = .alreadyImported(earlier)
            if earlier.rowsRejected > 0 && !request.allowRejects {
                report.rejectedBefore = true
                let rejects = try pipeline.ledger.storedDiagnostics(
                    importRunID: earlier.id, severity: .error, limit: DiagnosticDigest.maxGroups * 4)
                for diagnostic in rejects { report.diagnostics.add(diagnostic) }
            }
            return report
        }
        var reading: ImportReading?
        let outcome = try pipeline.ledger.importing(
            source, toolVersion: pipeline.toolVersion, checkingReferences: S.checksReferences
        ) { session in
            var writer = RecordWriter(
                store: storeTemplate, session: session, request: request, fileName: file.displayName,
                report: report)
            let read = try drain(feed, file, started: started) { event in try writer.handle(consume event) }
            reading = read
            let ending = try writer.end(read)
            report = writer.report
            return ending
        }
        report.seconds = Date().timeIntervalSince(started)
        switch outcome {
        case .alreadyImported(let run):
            // Imported by another process between the check above and this transaction.
            report.status = .alreadyImported(run)
        case .imported(let run, let counts):
            report.status = .imported(run)
            report.counts = counts
        case .rolledBack(let counts):
            report.counts = counts
            let refused = !report.fileErrors.isEmpty || (report.counts.rowsRejected > 0 && !request.allowRejects)
            report.status = refused ? .refused : .simulated
        }
        if let reading {
            report.shape = reading.shape
            report.notes = reading.notes
        }
        return report
    }

    /// Hands each event of `feed` to `handle` on this thread, then returns what the reading returned.
    private func drain<Record>(
        _ feed: ImportFeed<Record>, _ file: ImportFile, started: Date,
        handle: (consuming ImportEvent<Record>) throws -> Void
    ) throws -> ImportReading {
        let totalBytes = file.size
        do {
            while var batch = try feed.events.take() {
                // Each event is moved out of the batch's storage to `handle` (a progress mark left in its place,
                // so the batch still frees only what it holds): lent, the store copied each budget line it kept
                // (every string retained) and the batch released it again.
                try batch.withUnsafeMutableBufferPointer { events in
                    guard let first = events.baseAddress else { return }
                    for index in events.indices {
                        if case .progress(let bytes, let rows) = events[index] {
                            observe(
                                .progress(
                                    ImportProgress(
                                        fileName: file.displayName, kind: request.kind, bytes: bytes,
                                        totalBytes: totalBytes,
                                        rows: rows, seconds: Date().timeIntervalSince(started))))
                        }
                        let event = (first + index).move()
                        (first + index).initialize(to: .progress(bytes: 0, rows: 0))
                        try handle(consume event)
                    }
                }
                if pipeline.cancellation.isCancelled { throw PipelineError.cancelled }
            }
        } catch {
            feed.abandon()
            if pipeline.cancellation.isCancelled { throw PipelineError.cancelled }
            throw error
        }
        return try feed.join()
    }
}

extension ImportEvent {
    var isProgress: Bool {
        if case .progress = self { return true }
        return false
    }
}

extension PipelineError {
    var isCancellation: Bool {
        if case .cancelled = self { return true }
        return false
    }
}
