/// The tables of a procurement's child rows, in the order an import writes them.
enum ProcurementChildTable: CaseIterable {
    case items, parties, bids, awards, contracts

    /// The multi-row inserts of the table.
    func makeInserts() -> MultiRowInsert {
        switch self {
        case .items: MultiRowInsert(ProcurementItemRecord.self)
        case .parties: MultiRowInsert(ProcurementPartyRecord.self)
        case .bids: MultiRowInsert(ProcurementBidRecord.self)
        case .awards: MultiRowInsert(AwardRecord.self)
        case .contracts: MultiRowInsert(ContractRecord.self)
        }
    }
}
