import Foundation

/// A meta física: a quantity in a unit of measure (`17,050 Persona`).
public struct PhysicalGoal: Hashable, Sendable, Codable {
    /// The unit of measure as the institution names it (`Persona`, `Documento`, `Evento`…).
    public var unidadMedida: String
    /// The quantity; exact decimal, since some units (kilómetros, raciones) are fractional.
    public var cantidad: Decimal

    public init(unidadMedida: String, cantidad: Decimal) {
        self.unidadMedida = unidadMedida
        self.cantidad = cantidad
    }

    /// `17,050 Persona`
    public var formatted: String { "\(DigitGrouping.grouped(cantidad)) \(unidadMedida)" }
}
