import Foundation

/// A subproduct: a finer goal under a product, with its own unit of measure.
public struct Subproduct: Hashable, Sendable, Codable {
    public var ejercicio: Int
    public var code: String
    /// The code of the product it belongs to (same fiscal year).
    public var productCode: String
    public var name: String
    public var meta: PhysicalGoal
    /// Budget is usually programmed at product level only; nil when the source gives none.
    public var presupuestoVigente: Money?

    public init(
        ejercicio: Int, code: String, productCode: String, name: String, meta: PhysicalGoal,
        presupuestoVigente: Money? = nil
    ) {
        self.ejercicio = ejercicio
        self.code = code
        self.productCode = productCode
        self.name = name
        self.meta = meta
        self.presupuestoVigente = presupuestoVigente
    }
}
