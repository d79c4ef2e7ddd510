import Domain
import Foundation

/// TR18–TR20 need purchase ↔ budget links (which NOG or NPG paid which budget line, with the devengado of
/// each), which the ledger does not hold yet. They are described here so help, README and runs list them, and
/// so adding them later is one type each in `Indicators/` plus a line in ``IndicatorRegistry/computed``.
enum PendingIndicators {
    static let reason = "requiere vínculos compra ↔ presupuesto (NOG/NPG con su devengado), que el libro aún no tiene"

    static let all: [RedFlagIndicatorInfo] = [
        RedFlagIndicatorInfo(
            id: "TR18", nameES: "Ejecución mayor que lo adjudicado", nameEN: "Spending above the awarded amount",
            family: .presupuesto,
            summary: "El devengado ligado a un NOG o NPG supera el monto adjudicado más una tolerancia.",
            explanation: "Pendiente: requiere vínculos.", sources: "OCP R068/R059 (análogo)", availability: .pending(reason)),
        RedFlagIndicatorInfo(
            id: "TR19", nameES: "Gasto sin proceso identificable / proceso sin ejecución",
            nameEN: "Spending without a procurement record / award without spending", family: .presupuesto,
            summary: "Devengado en grupos 100/200/300 sin NOG ni NPG, o adjudicaciones sin devengado tras 180 días.",
            explanation: "Pendiente: requiere vínculos.", sources: "Conciliación del libro", availability: .pending(reason)),
        RedFlagIndicatorInfo(
            id: "TR20", nameES: "Concentración de compras directas al cierre del ejercicio",
            nameEN: "Year-end direct-purchase spike", family: .presupuesto,
            summary: "La parte de compras directas devengadas en los últimos 30 días del año es atípica.",
            explanation: "Pendiente: requiere vínculos.", sources: "Literatura de gasto de fin de año",
            availability: .pending(reason)),
    ]
}
