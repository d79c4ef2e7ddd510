import Foundation

/// A sum or difference of amounts that does not fit in 64-bit centavos (beyond ±Q92,233,720,368,547,758.07).
///
/// Importers refuse any single amount above ``Money/largestAmount``, so this only happens when a ledger
/// holds values that no real file has (written by an older version, or edited by hand), or when a hostile
/// file adds up more than 92,000 amounts at that ceiling. It is an error to report, never a crash.
public struct MoneyOverflowError: Error, Equatable, Sendable, LocalizedError {
    /// Which operation overflowed.
    public enum Operation: String, Sendable {
        case addition, subtraction
    }

    /// The left operand.
    public var lhs: Money
    /// The right operand.
    public var rhs: Money
    /// The operation.
    public var operation: Operation

    /// Creates the error for `lhs` and `rhs`.
    public init(lhs: Money, rhs: Money, operation: Operation) {
        self.lhs = lhs
        self.rhs = rhs
        self.operation = operation
    }

    public var errorDescription: String? {
        let verb = operation == .addition ? "sumar" : "restar"
        return "al \(verb) \(lhs.formatted) y \(rhs.formatted) el resultado excede el máximo representable "
            + "(±Q92,233,720,368,547,758.07); hay montos fuera de escala (ningún monto real supera "
            + "\(Money.largestAmount.formatted)): revise o vuelva a importar los datos de origen"
    }
}
