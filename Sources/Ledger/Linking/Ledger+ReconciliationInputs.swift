import Domain
import Foundation
import GRDB

extension Ledger {
    /// The execution of a reconciliation, and what `place` makes of its links and purchases, from one committed
    /// state of the ledger: the execution is read, and added up by `sum`, on one connection while the links and
    /// purchases are read, and placed, on another (``readConcurrently(_:_:betweenStarts:)``).
    ///
    /// On a national year each read is over a second of SQLite and row building on one core: one after the other
    /// they were three quarters of `reconcile`, and placing the purchases fits in the time the execution takes.
    /// Neither side is held whole: a national year's 100,000 budget lines by structure and renglón, kept in an
    /// array, were most of an export's peak memory.
    /// - Parameters:
    ///   - months: with monthly devengado (``budgetTotalsByStructure(ejercicio:entidad:unidadEjecutora:months:)``).
    ///   - buyer: the purchases in scope (``reconciliationProcurements(_:)``) and their links
    ///     (``reconciliationLinks(ejercicio:buyer:)``).
    ///   - sum: what to make of the execution, on the thread that reads it: it is given a function that hands over
    ///     the year's current amounts by structure and renglón, one group at a time in key order.
    ///   - place: what to make of the purchases, on the thread that reads them: it is given a function that hands
    ///     over each purchase in scope with its links (``forEachReconciliationPurchase(_:ejercicio:buyer:_:)``) and
    ///     returns how many links the year has.
    ///
    /// Either function may be called a second time (from the start, on a fresh read) when an import commits while
    /// the two reads begin.
    public func reconciliationInputs<Summed: Sendable, Placed: Sendable>(
        ejercicio: Int, entidad: String?, unidadEjecutora: String?, months: Bool, buyer: ProcurementScope,
        sum: @escaping @Sendable (_ lines: BudgetTotalsReader) throws -> Summed,
        place: @escaping @Sendable (_ purchases: ReconciliationPurchaseReader) throws -> Placed
    ) throws -> (summed: Summed, placed: Placed) {
        try readConcurrently(
            { db in
                try sum { body in
                    try Self.forEachBudgetTotalByStructure(
                        db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora, months: months,
                        body)
                }
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
/// many links the year has (``Ledger/reconciliationInputs(ejercicio:entidad:unidadEjecutora:months:buyer:sum:place:)``).
public typealias ReconciliationPurchaseReader = (_ body: (LinkableProcurement, [ProcurementLink]) throws -> Void)
    throws -> Int

/// Reads a year's current execution by structure and renglón, handing each group to the function it is given
/// (``Ledger/reconciliationInputs(ejercicio:entidad:unidadEjecutora:months:buyer:sum:place:)``).
public typealias BudgetTotalsReader = (_ body: (BudgetLine) throws -> Void) throws -> Void
