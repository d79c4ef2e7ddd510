import Domain
import Foundation
import Importers
import Ledger

/// Upserts procurements by NOG: OCDS replaces what it describes; flat exports and NOG pages overlay what they say
/// on what is stored.
struct ProcurementStore: RecordStore {
    let policy: ProcurementMergePolicy
    /// Where each NOG the ledger accepted was first seen in this file, in the order it accepted them
    /// (``ProcurementSink/ordinal(ofNOG:)``), to name it when it comes back with other data. An array, not a map by
    /// NOG: for a national file's hundred thousand NOGs the map and its growth were 15–25 MB of the import's peak.
    private var positions: [RecordPosition] = []

    init(policy: ProcurementMergePolicy) {
        self.policy = policy
    }

    /// The fingerprint and rows of a procurement are built while the file is read, off the writing thread.
    static func stage(_ procurement: consuming Procurement) -> ProcurementRows {
        ProcurementRows(procurement)
    }

    mutating func write(
        _ rows: consuming ProcurementRows, at position: RecordPosition, file: String, session: ImportSession
    )
        throws -> Diagnostic?
    {
        let sink = session.procurements()
        let procurement = rows.procurement
        let problem: String
        switch try sink.upsert(rows, policy: policy) {
        case .conflictingDuplicate:
            let first = sink.ordinal(ofNOG: procurement.nog).flatMap { positions.indices.contains($0) ? $0 : nil }
            problem =
                "el NOG \(procurement.nog) aparece otra vez en el mismo archivo con datos distintos"
                + " (primera vez en \(first.map { positions[$0].description } ?? "?")); se conserva la primera"
        case .ocidBelongsToOtherNOG(let other):
            problem = "el ocid \(procurement.ocid ?? "") ya pertenece al NOG \(other)"
        default:
            if positions.count < sink.acceptedNOGs { positions.append(position) }
            return nil
        }
        return Diagnostic(
            file: file, line: position.line, field: position.path, severity: .error,
            message: problem + (position.offset.map { " (byte \($0))" } ?? ""))
    }

    /// New procurements still waiting for their batch are written before the import is kept or simulated, so a
    /// dry run meets every error a real import would.
    mutating func finish(_ reading: ImportReading, session: ImportSession) throws {
        try session.finishWrites()
    }

    /// Every reference the sink writes is to the import's run or to a procurement it just read or wrote.
    static var checksReferences: Bool { false }
}
