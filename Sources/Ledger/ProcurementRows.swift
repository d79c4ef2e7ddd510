import Domain
import Foundation

/// A procurement with the ledger rows it becomes, built on the reading thread so the writing thread, the one an
/// import waits for, only looks up, binds and steps.
///
/// The fingerprint, the dates as ISO text, the folded buyer names, the joined ids and roles and the quantities as
/// decimal text were a fifth of the writer's time. The rows carry no ids: the procurement's run and the children's
/// procurement are bound when they are written. A class, so handing it from batch to writer retains it once
/// rather than each of its strings.
public final class ProcurementRows: Sendable {
    /// The Domain value, for merges and the history of an update.
    public let procurement: Procurement
    /// ``ProcurementFingerprint`` of ``procurement``.
    let fingerprint: UInt64
    /// The `procurement` row (its `import_run_id` is bound when written).
    let record: ProcurementRecord
    let items: [ProcurementItemRecord]
    let parties: [ProcurementPartyRecord]
    let bids: [ProcurementBidRecord]
    let awards: [AwardRecord]
    let contracts: [ContractRecord]

    /// Builds the rows of `procurement`.
    public init(_ procurement: Procurement) {
        let items = procurement.items.enumerated().map { position, item in
            ProcurementItemRecord(item, procurementID: Self.unboundID, position: position)
        }
        let fingerprint = ProcurementFingerprint.value(of: procurement, quantityTexts: items.map(\.quantity))
        self.procurement = procurement
        self.fingerprint = fingerprint
        self.items = items
        record = ProcurementRecord(
            procurement, contentHash: ProcurementFingerprint.text(fingerprint), importRunID: Self.unboundID)
        parties = procurement.parties.map { ProcurementPartyRecord($0, procurementID: Self.unboundID) }
        bids = procurement.bids.map { ProcurementBidRecord($0, procurementID: Self.unboundID) }
        awards = procurement.awards.map { AwardRecord($0, procurementID: Self.unboundID) }
        contracts = procurement.contracts.map { ContractRecord($0, procurementID: Self.unboundID) }
    }

    /// The id the rows hold until they are written (never bound: the real one is).
    static let unboundID: Int64 = 0
}
