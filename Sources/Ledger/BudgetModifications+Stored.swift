import Domain

extension BudgetModifications {
    /// The parts as `budget_snapshot_line` stores them (centavos, NULL for a part the file did not give); nil
    /// when every part is NULL: the line's file gave only the net.
    static func stored(
        adiciones: Int64?, disminuciones: Int64?, traspasosPositivos: Int64?, traspasosNegativos: Int64?,
        transferenciasPositivas: Int64?, transferenciasNegativas: Int64?
    ) -> BudgetModifications? {
        let parts = [
            adiciones, disminuciones, traspasosPositivos, traspasosNegativos, transferenciasPositivas,
            transferenciasNegativas,
        ]
        guard parts.contains(where: { $0 != nil }) else { return nil }
        func money(_ value: Int64?) -> Money? { value.map(Money.init(centavos:)) }
        return BudgetModifications(
            adiciones: money(adiciones), disminuciones: money(disminuciones),
            traspasosPositivos: money(traspasosPositivos), traspasosNegativos: money(traspasosNegativos),
            transferenciasPositivas: money(transferenciasPositivas),
            transferenciasNegativas: money(transferenciasNegativas))
    }
}
