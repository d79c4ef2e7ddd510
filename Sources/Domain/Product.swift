import Foundation

/// A product (producto) of the institution's results-based budget for one fiscal year.
public struct Product: Hashable, Sendable, Codable {
    public var ejercicio: Int
    /// The product's code, unique within the fiscal year.
    public var code: String
    public var directorate: Directorate
    public var name: String
    public var meta: PhysicalGoal
    public var presupuestoVigente: Money
    public var structure: BudgetStructure

    public init(
        ejercicio: Int, code: String, directorate: Directorate, name: String, meta: PhysicalGoal,
        presupuestoVigente: Money, structure: BudgetStructure
    ) {
        self.ejercicio = ejercicio
        self.code = code
        self.directorate = directorate
        self.name = name
        self.meta = meta
        self.presupuestoVigente = presupuestoVigente
        self.structure = structure
    }
}
