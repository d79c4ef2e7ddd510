import Domain
import Foundation
import Importers
import Ledger

/// The writing side of one import: takes the importer's events in order, writes records through the store,
/// keeps rejects and warnings (bounded in memory, every one stored with the run) and decides at the end whether
/// the transaction is kept.
struct RecordWriter<Store: RecordStore> {
    var store: Store
    let session: ImportSession
    let request: ImportRequest
    let fileName: String
    var report: ImportReport
    /// Rows the ledger refused (a NOG repeated with other data).
    private var storeRejects = 0
    /// Rows the importer rejected.
    private var importerRejects = 0

    init(store: Store, session: ImportSession, request: ImportRequest, fileName: String, report: ImportReport) {
        self.store = store
        self.session = session
        self.request = request
        self.fileName = fileName
        self.report = report
    }

    /// Once a row is rejected without `--allow-rejects` nothing will be kept: the rest of the file is still read,
    /// to report every problem, but no longer written.
    private var isDoomed: Bool { !request.allowRejects && storeRejects + importerRejects > 0 }

    mutating func handle(_ event: consuming ImportEvent<Store.Staged>) throws {
        switch consume event {
        case .record(let record, let position):
            guard !isDoomed else { return }
            if let refusal = try store.write(record, at: position, file: fileName, session: session) {
                storeRejects += 1
                try reject(refusal)
            }
        case .rejected(let diagnostic):
            importerRejects += 1
            try reject(diagnostic)
        case .diagnostic(let diagnostic):
            report.diagnostics.add(diagnostic)
            if diagnostic.severity != .info { try session.note(diagnostic) }
        case .repaired(let repair):
            report.repairs.add(repair)
            try session.note(
                Diagnostic(
                    file: fileName, line: repair.line, field: repair.field, severity: .info,
                    message:
                        "valor reparado\(repair.basis.map { " (según \($0))" } ?? ""): «\(repair.original)» → «\(repair.repaired)»"
                ))
        case .progress:
            break
        }
    }

    private mutating func reject(_ diagnostic: Diagnostic) throws {
        report.diagnostics.add(diagnostic)
        if request.allowRejects { try session.reject(diagnostic) }
    }

    /// Decides the transaction once the file is read.
    mutating func end(_ reading: ImportReading) throws -> ImportSession.Ending {
        report.fileErrors = reading.fileErrors
        let rejected = reading.rowsRejected + storeRejects
        let counts = ImportCounts(
            rowsRead: reading.rowsRead, rowsAccepted: max(0, reading.rowsRead - rejected), rowsRejected: rejected)
        report.counts = counts
        if !reading.fileErrors.isEmpty || (rejected > 0 && !request.allowRejects) { return .rollback(counts) }
        try store.finish(reading, session: session)
        return request.dryRun ? .rollback(counts) : .commit(counts)
    }
}
