import Domain

extension Int64 {
    /// Adds an amount in centavos with ``Money``'s checked addition: ``MoneyOverflowError`` where `+=` would stop
    /// the program.
    ///
    /// Importers refuse any amount above ``Money/largestAmount``, but a ledger edited by hand or a hostile file
    /// of 92,000 amounts at that ceiling adds up beyond 64 bits: an error to report, never a crash.
    mutating func add(centavos amount: Int64) throws(MoneyOverflowError) {
        self = try (Money(centavos: self) + Money(centavos: amount)).centavos
    }
}
