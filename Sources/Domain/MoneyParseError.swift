import Foundation

/// Why a text is not an amount of money.
public enum MoneyParseError: Error, Equatable, Sendable, LocalizedError {
    /// The cell is empty.
    case empty
    /// The text holds letters or symbols that no amount has.
    case notANumber(String)
    /// Thousands separators are not every three digits (often a number in the other locale).
    case misplacedGrouping(String)
    /// A third significant decimal where centavos are the smallest unit (`1.234`; `1.2300` is fine).
    case tooManyDecimals(String)
    /// The amount is above ``Money/largestAmount`` in absolute value.
    case outOfRange(String)

    public var errorDescription: String? {
        switch self {
        case .empty: "el monto está vacío"
        case .notANumber(let text): "«\(text)» no es un monto válido"
        case .misplacedGrouping(let text):
            "«\(text)» tiene separadores de miles mal colocados (¿usa el archivo coma decimal?)"
        case .tooManyDecimals(let text):
            "«\(text)» tiene más de dos decimales significativos; los montos van en centavos (no se redondea en silencio)"
        case .outOfRange(let text):
            "«\(text)» supera el máximo aceptado para un monto (\(Money.largestAmount.formatted)); el archivo parece dañado"
        }
    }
}
