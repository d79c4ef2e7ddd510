import Domain

extension Int64 {
    /// Adds an amount in centavos, or throws ``MoneyOverflowError`` where `+=` would stop the program.
    ///
    /// Importers refuse any amount above ``Money/largestAmount``, but a ledger edited by hand or a hostile file
    /// of 92,000 amounts at that ceiling adds up beyond 64 bits: an error to report, never a crash.
    mutating func add(centavos amount: Int64) throws(MoneyOverflowError) {
        let (sum, overflow) = addingReportingOverflow(amount)
        guard !overflow else {
            throw MoneyOverflowError(lhs: Money(centavos: self), rhs: Money(centavos: amount), operation: .addition)
        }
        self = sum
    }
}
