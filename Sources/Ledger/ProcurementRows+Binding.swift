extension ProcurementRows {
    // The rows are bound from here, inside the class, where its arrays' elements are read in place: bound from the
    // batch writer, each row was copied first (a retain and a release of each of its texts).

    /// Binds the `procurement` row after the values already bound, under the run `importRunID`.
    func bindRecord(to statement: inout BoundStatement, importRunID: Int64, texts: BoundTextArena) {
        record.bind(to: &statement, importRunID: importRunID, texts: texts)
    }

    /// How many rows the procurement has in `table`.
    func count(in table: ProcurementChildTable) -> Int {
        switch table {
        case .items: items.count
        case .parties: parties.count
        case .bids: bids.count
        case .awards: awards.count
        case .contracts: contracts.count
        }
    }

    /// Binds the procurement's row `index` of `table` after the values already bound, under `procurementID`.
    func bindChild(
        _ index: Int, in table: ProcurementChildTable, to statement: inout BoundStatement, procurementID: Int64,
        texts: BoundTextArena
    ) {
        switch table {
        case .items: items[index].bind(to: &statement, procurementID: procurementID, texts: texts)
        case .parties: parties[index].bind(to: &statement, procurementID: procurementID, texts: texts)
        case .bids: bids[index].bind(to: &statement, procurementID: procurementID, texts: texts)
        case .awards: awards[index].bind(to: &statement, procurementID: procurementID, texts: texts)
        case .contracts: contracts[index].bind(to: &statement, procurementID: procurementID, texts: texts)
        }
    }
}
