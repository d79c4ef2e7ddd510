import Foundation

/// The parts of a budget line's modifications, as SICOIN prints them: adiciones, disminuciones, traspasos and
/// transferencias, each as a magnitude (never negative), so `modificado = adiciones − disminuciones +
/// traspasos (+) − traspasos (−) + transferencias (+) − transferencias (−)`.
///
/// A part is nil when the file has no column for it (the MINFIN open-data layout gives only the net
/// `modificado`, and then the line has no ``BudgetModifications`` at all). LAIP Art. 10 numeral 7 asks for
/// the budget's modifications and transfers, which only these parts show.
public struct BudgetModifications: Hashable, Sendable, Codable {
    public var adiciones: Money?
    public var disminuciones: Money?
    /// Traspasos that add to the line.
    public var traspasosPositivos: Money?
    /// Traspasos that take from the line.
    public var traspasosNegativos: Money?
    /// Transferencias that add to the line.
    public var transferenciasPositivas: Money?
    /// Transferencias that take from the line.
    public var transferenciasNegativas: Money?

    public init(
        adiciones: Money? = nil, disminuciones: Money? = nil, traspasosPositivos: Money? = nil,
        traspasosNegativos: Money? = nil, transferenciasPositivas: Money? = nil, transferenciasNegativas: Money? = nil
    ) {
        self.adiciones = adiciones
        self.disminuciones = disminuciones
        self.traspasosPositivos = traspasosPositivos
        self.traspasosNegativos = traspasosNegativos
        self.transferenciasPositivas = transferenciasPositivas
        self.transferenciasNegativas = transferenciasNegativas
    }

    /// The net modification the parts add up to (absent parts count as zero).
    public var net: Money {
        get throws(MoneyOverflowError) {
            try (adiciones ?? .zero) - (disminuciones ?? .zero) + (traspasosPositivos ?? .zero)
                - (traspasosNegativos ?? .zero) + (transferenciasPositivas ?? .zero)
                - (transferenciasNegativas ?? .zero)
        }
    }

    /// Adds another line's parts; a part stays known only when both lines know it.
    public static func + (lhs: BudgetModifications, rhs: BudgetModifications) throws(MoneyOverflowError)
        -> BudgetModifications
    {
        func sum(_ a: Money?, _ b: Money?) throws(MoneyOverflowError) -> Money? {
            guard let a, let b else { return nil }
            return try a + b
        }
        return try BudgetModifications(
            adiciones: sum(lhs.adiciones, rhs.adiciones), disminuciones: sum(lhs.disminuciones, rhs.disminuciones),
            traspasosPositivos: sum(lhs.traspasosPositivos, rhs.traspasosPositivos),
            traspasosNegativos: sum(lhs.traspasosNegativos, rhs.traspasosNegativos),
            transferenciasPositivas: sum(lhs.transferenciasPositivas, rhs.transferenciasPositivas),
            transferenciasNegativas: sum(lhs.transferenciasNegativas, rhs.transferenciasNegativas))
    }
}
