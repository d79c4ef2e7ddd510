import Domain
import Foundation
import GRDB

/// What a reconciliation adds up, read from one committed state of the ledger.
public struct ReconciliationInputs: Sendable {
    /// The year's current execution by budget structure and renglón
    /// (``Ledger/budgetTotalsByStructure(ejercicio:entidad:unidadEjecutora:months:)``).
    public var lines: [BudgetLine]
    /// The year's links of the purchases in scope, lean (``Ledger/reconciliationLinks(ejercicio:buyer:)``).
    public var links: [ProcurementLink]
    /// The purchases in scope, lean (``Ledger/reconciliationProcurements(_:)``).
    public var procurements: [LinkableProcurement]
}

extension Ledger {
    /// The execution, links and purchases of a reconciliation, the execution read on one connection while the links
    /// and purchases are read on another (``readConcurrently(_:_:betweenStarts:)``).
    ///
    /// On a national year each half is over a second of SQLite and row building on one core: one after the other
    /// they were three quarters of `reconcile`.
    public func reconciliationInputs(
        ejercicio: Int, entidad: String?, unidadEjecutora: String?, months: Bool, buyer: ProcurementScope
    ) throws -> ReconciliationInputs {
        let (lines, (links, procurements)) = try readConcurrently(
            { db in
                try Self.budgetTotalsByStructure(
                    db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora, months: months)
            },
            { db in
                (
                    try Self.reconciliationLinks(db, ejercicio: ejercicio, buyer: buyer),
                    try Self.reconciliationProcurements(db, buyer)
                )
            })
        return ReconciliationInputs(lines: lines, links: links, procurements: procurements)
    }
}
