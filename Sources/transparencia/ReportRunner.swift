import Domain
import Foundation
import Ledger
import Publishing

/// Builds a dataset for the parsed options and prints it: what every `report` subcommand does.
struct ReportRunner {
    let ledgerOptions: LedgerOptions
    let output: OutputOptions

    /// The datasets of the ledger and the profile's scope.
    func context(_ scope: ScopeOptions) throws -> (Datasets, DatasetScope) {
        let ledger = try ledgerOptions.openLedger()
        return (
            Datasets(ledger: ledger, checkSettings: try ledgerOptions.checkSettings()),
            scope.scope(try ledgerOptions.loadProfile())
        )
    }

    /// Prints one dataset; on screen only `screenColumns` (when given), the full table in CSV and JSON.
    func emit(_ dataset: Dataset, scope: ScopeOptions, screenColumns: [String]? = nil) throws {
        let (datasets, datasetScope) = try context(scope)
        if output.resolvedFormat == .csv {
            try output.emitCSV { try datasets.write(dataset, scope: datasetScope, to: $0) }
            return
        }
        let table = try datasets.table(dataset, scope: datasetScope)
        let screen = screenColumns.map { TextTableRenderer.render(table.selecting($0)) }
        try output.emit(table, text: screen)
    }
}
