import Domain
import Foundation
import Importers
import Ledger

/// Upserts procurements by NOG: OCDS replaces what it describes; flat exports and NOG pages overlay what they say
/// on what is stored.
struct ProcurementStore: RecordStore {
    let policy: ProcurementMergePolicy
    /// Where each NOG was first seen in this file, to name it when it comes back with other data (described only
    /// then: a national file has a hundred thousand NOGs and almost never a conflicting one).
    private var firstSeen: [String: RecordPosition] = [:]

    init(policy: ProcurementMergePolicy) {
        self.policy = policy
    }

    mutating func write(_ procurement: Procurement, at position: RecordPosition, file: String, session: ImportSession)
        throws -> Diagnostic?
    {
        let problem: String
        switch try session.procurements().upsert(procurement, policy: policy) {
        case .conflictingDuplicate:
            problem =
                "el NOG \(procurement.nog) aparece otra vez en el mismo archivo con datos distintos"
                + " (primera vez en \(firstSeen[procurement.nog]?.description ?? "?")); se conserva la primera"
        case .ocidBelongsToOtherNOG(let other):
            problem = "el ocid \(procurement.ocid ?? "") ya pertenece al NOG \(other)"
        default:
            if firstSeen[procurement.nog] == nil { firstSeen[procurement.nog] = position }
            return nil
        }
        return Diagnostic(
            file: file, line: position.line, field: position.path, severity: .error,
            message: problem + (position.offset.map { " (byte \($0))" } ?? ""))
    }
}
