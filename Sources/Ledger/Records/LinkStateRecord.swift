import Domain
import Foundation
import GRDB

/// Where one purchase of a pass's scope stands (table `link_state`): linked or not, why, and the fingerprint of
/// the result the next pass compares with.
struct LinkStateRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    var ejercicio: Int
    var nog: String
    /// `vinculada` or `sin_vincular`.
    var status: String
    var method: String?
    var reason: String?
    var detail: String
    var resultDigest: String
    var linkRunID: Int64

    static let databaseTableName = "link_state"

    enum CodingKeys: String, CodingKey {
        case ejercicio, nog, status, method, reason, detail
        case resultDigest = "result_digest"
        case linkRunID = "link_run_id"
    }

    // MARK: - Database

    enum Columns {
        static let ejercicio = Column(CodingKeys.ejercicio)
        static let status = Column(CodingKeys.status)
    }

    var unlinked: UnlinkedProcurement? {
        guard status == "sin_vincular" else { return nil }
        return UnlinkedProcurement(
            ejercicio: ejercicio, nog: nog, reason: reason.flatMap(UnlinkedReason.init(rawValue:)) ?? .noEvidence,
            detail: detail)
    }
}
