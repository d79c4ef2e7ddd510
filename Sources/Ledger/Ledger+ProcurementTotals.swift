import Domain
import Foundation
import GRDB

extension Ledger {
    /// Totals of the procurement a selection covers by modality or status, added up by one `GROUP BY`: the
    /// same rows as ``ProcurementTotals/Accumulator`` fed every process, without reading a process.
    /// - Parameters:
    ///   - selection: what to add up.
    ///   - grouping: the key.
    ///   - label: a readable label for a key (not called for `(sin dato)`).
    /// - Throws: ``MoneyOverflowError`` when the awarded amounts add up beyond 64-bit centavos (only a ledger
    ///   holding amounts no real file has); the processes are then added one by one, as before, so the error
    ///   names the same amounts.
    public func procurementTotals(
        _ selection: ProcurementSelection, by grouping: ProcurementGrouping, label: (String) -> String
    ) throws -> ProcurementTotals {
        let grouped: [ProcurementTotals.Row]? = try read { db in
            let ids = try Self.request(selection).select(ProcurementRecord.Columns.id).makePreparedRequest(db)
            let totals = ProcurementListingSQL.totals(column: grouping.column, ids: ids.statement)
            let rows = try FlagRawStatement(db, sql: totals.sql, arguments: totals.arguments)
            var groups: [ProcurementTotals.Row] = []
            while try rows.step() {
                let key = rows.string(0) ?? "(sin dato)"
                let (shifted, overflowHigh) = rows.int64(4).multipliedReportingOverflow(by: 4_294_967_296)
                let (amount, overflowLow) = shifted.addingReportingOverflow(rows.int64(5))
                if overflowHigh || overflowLow { return nil }
                groups.append(
                    ProcurementTotals.Row(
                        key: key, label: key == "(sin dato)" ? key : label(key), processes: Int(rows.int64(1)),
                        awardedProcesses: Int(rows.int64(2)), awardedAmount: Money(centavos: amount),
                        awardsWithoutAmount: Int(rows.int64(3))))
            }
            return groups
        }
        if let grouped, let totals = try? ProcurementTotals(groups: grouped) { return totals }
        // Beyond 64-bit centavos: add up process by process for the same error as the listing of processes.
        var accumulator = ProcurementTotals.Accumulator()
        try forEachProcurement(selection) { procurement, _ in
            try accumulator.add(
                procurement, key: { grouping == .modality ? $0.modalityCode : $0.status }, label: label)
        }
        return accumulator.totals
    }
}
