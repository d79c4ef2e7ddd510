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
    ///   - place: what to make of the purchases, on the thread that reads them: it is given a function that hands
    ///     over each purchase in scope with its links (``forEachReconciliationPurchase(_:ejercicio:buyer:_:)``) and
    ///     returns how many links the year has.
    public func reconciliationInputs<Placed: Sendable>(
        ejercicio: Int, entidad: String?, unidadEjecutora: String?, months: Bool, buyer: ProcurementScope,
        place: @escaping @Sendable (_ purchases: ReconciliationPurchaseReader) throws -> Placed
    ) throws -> (lines: [BudgetLine], placed: Placed) {
        try readConcurrently(
            { db in
                try Self.budgetTotalsByStructure(
                    db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora, months: months)
            },
            { db in
                try place { body in
                    try Self.forEachReconciliationPurchase(db, ejercicio: ejercicio, buyer: buyer, body)
                }
            })
    }

    /// Hands each purchase of a scope (lean, by NOG) to `body` with its links of the year (lean, in link order;
    /// none when unlinked), merging the two NOG-ordered reads: a national year's links are never held, only the
    /// purchase's own, nor its purchases. Links of purchases outside the scope are read and not handed over.
    /// - Returns: how many links of the year (of the scope's buyer) were read.
    static func forEachReconciliationPurchase(
        _ db: Database, ejercicio: Int, buyer: ProcurementScope,
        _ body: (LinkableProcurement, [ProcurementLink]) throws -> Void
    ) throws -> Int {
        let (scopeCondition, scopeArguments) = buyer.sqlCondition
        let purchases = try LeanProcurementCursor(db, condition: scopeCondition, arguments: scopeArguments)
        // Both reads are ordered by SQLite's BINARY collation: NOGs are compared as bytes here too.
        func precedes(_ left: String, _ right: String) -> Bool { left.utf8.lexicographicallyPrecedes(right.utf8) }
        var current = try purchases.next()
        var group: [ProcurementLink] = []
        var read = 0
        let (condition, arguments) = linkCondition(ejercicio: ejercicio, nog: nil, buyer: buyer)
        try ProcurementLinkRecord.forEachLeanLink(db, where: condition, arguments: arguments) { link in
            read += 1
            if let first = group.first, !first.nog.utf8.elementsEqual(link.nog.utf8), let purchase = current {
                try body(purchase, group)
                current = try purchases.next()
                group.removeAll(keepingCapacity: true)
            }
            while let purchase = current, precedes(purchase.nog, link.nog) {
                try body(purchase, [])
                current = try purchases.next()
            }
            if let purchase = current, purchase.nog.utf8.elementsEqual(link.nog.utf8) { group.append(link) }
        }
        if !group.isEmpty, let purchase = current {
            try body(purchase, group)
            current = try purchases.next()
        }
        while let purchase = current {
            try body(purchase, [])
            current = try purchases.next()
        }
        return read
    }
}

/// Reads a reconciliation's purchases, handing each with its links to the function it is given, and returns how
/// many links the year has (``Ledger/reconciliationInputs(ejercicio:entidad:unidadEjecutora:months:buyer:place:)``).
public typealias ReconciliationPurchaseReader = (_ body: (LinkableProcurement, [ProcurementLink]) throws -> Void)
    throws -> Int
