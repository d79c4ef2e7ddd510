import Foundation

/// The executed physical goal (meta física ejecutada) of a product or subproduct, accumulated from January to
/// the end of a cut-off month, as SIGES/SICOIN report it in the monthly and cuatrimestral accountability.
///
/// Each cut-off is kept: a later report does not erase an earlier one, so a publication for April shows April's
/// progress even after August is imported.
public struct ExecutedGoal: Hashable, Sendable, Codable {
    public var ejercicio: Int
    /// The product's or subproduct's code (same fiscal year).
    public var code: String
    /// The cut-off month (1…12): the quantity is accumulated up to its last day.
    public var mes: Int
    /// The executed quantity in the goal's unit of measure; exact, never floating point.
    public var cantidad: Decimal

    public init(ejercicio: Int, code: String, mes: Int, cantidad: Decimal) {
        self.ejercicio = ejercicio
        self.code = code
        self.mes = mes
        self.cantidad = cantidad
    }

    /// Executed over planned as a percentage with two decimals (`57.35`), computed exactly; nil when the
    /// planned quantity is not positive.
    public func percent(of planned: Decimal) -> Decimal? {
        guard planned > 0 else { return nil }
        var ratio = cantidad * 100 / planned
        var rounded = Decimal()
        NSDecimalRound(&rounded, &ratio, 2, .plain)
        return rounded
    }
}
