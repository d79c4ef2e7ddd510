import Domain
import Foundation
import GRDB

extension Ledger {
    /// The execution of a reconciliation, and what `place` makes of its links and purchases, from one committed
    /// state of the ledger: the execution is read on one connection while the links and purchases are read, and
    /// placed, on another (``readConcurrently(_:_:betweenStarts:)``).
    ///
    /// On a national year each read is over a second of SQLite and row building on one core: one after the other
    /// they were three quarters of `reconcile`, and placing the purchases fits in the time the execution takes.
    /// - Parameters:
    ///   - months: with monthly devengado (``budgetTotalsByStructure(ejercicio:entidad:unidadEjecutora:months:)``).
    ///   - buyer: the purchases in scope (``reconciliationProcurements(_:)``) and their links
    ///     (``reconciliationLinks(ejercicio:buyer:)``).
    ///   - place: what to make of the links and purchases, on the thread that read them.
    public func reconciliationInputs<Placed: Sendable>(
        ejercicio: Int, entidad: String?, unidadEjecutora: String?, months: Bool, buyer: ProcurementScope,
        place: @escaping @Sendable (_ links: [ProcurementLink], _ procurements: [LinkableProcurement]) throws -> Placed
    ) throws -> (lines: [BudgetLine], placed: Placed) {
        try readConcurrently(
            { db in
                try Self.budgetTotalsByStructure(
                    db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora, months: months)
            },
            { db in
                try place(
                    Self.reconciliationLinks(db, ejercicio: ejercicio, buyer: buyer),
                    Self.reconciliationProcurements(db, buyer))
            })
    }
}
