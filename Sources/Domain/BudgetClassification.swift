import Foundation

/// The functional, economic and geographic classifications a budget line carries beside its key, when the file
/// gives them (MINFIN's open data does): journalists group spending by them.
///
/// They describe the line but do not identify it: two rows equal on the ``BudgetKey`` are the same line
/// whatever these say. Codes are text as the file gives them, leading zeros restored where the width is known.
public struct BudgetClassification: Hashable, Sendable, Codable {
    /// Tipo de presupuesto (funcionamiento, inversión, deuda…).
    public var tipoPresupuesto: String?
    /// Finalidad of the functional classification.
    public var finalidad: String?
    /// Función of the functional classification.
    public var funcion: String?
    /// División of the functional classification.
    public var division: String?
    /// Departamento (geographic).
    public var departamento: String?
    /// Subgrupo de gasto as the file states it.
    public var subgrupo: String?
    /// Región (geographic).
    public var region: String?

    /// A classification; empty codes are taken as absent.
    public init(
        tipoPresupuesto: String? = nil, finalidad: String? = nil, funcion: String? = nil, division: String? = nil,
        departamento: String? = nil, subgrupo: String? = nil, region: String? = nil
    ) {
        func present(_ code: String?) -> String? { code.flatMap { $0.isEmpty ? nil : $0 } }
        self.tipoPresupuesto = present(tipoPresupuesto)
        self.finalidad = present(finalidad)
        self.funcion = present(funcion)
        self.division = present(division)
        self.departamento = present(departamento)
        self.subgrupo = present(subgrupo)
        self.region = present(region)
    }

    /// No classification given.
    public static let none = BudgetClassification()
}
