import Domain
import Foundation

/// TR05 · Montos agrupados justo bajo el umbral: purchases priced in the δ band just under a threshold of the
/// ladder (informative, one by one), and units with many more purchases in that band than in the band below it.
struct BunchingBelowThreshold: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR05", nameES: "Montos agrupados justo bajo el umbral", nameEN: "Bunching just below a threshold",
        family: .fraccionamiento,
        summary: "Compras con montos justo por debajo de Q25,000, Q90,000 o Q900,000, y unidades donde se acumulan.",
        explanation: SplitSpecs.preamble
            + "Una unidad con muchas más compras en el 5 % justo debajo de un umbral que en el 5 % anterior puede "
            + "estar ajustando montos para no cambiar de modalidad. Descarte: precios de mercado que casualmente caen "
            + "ahí, presupuestos redondeados al umbral por costumbre, y pocos casos (con números pequeños la razón "
            + "engaña). Una compra sola justo bajo el umbral es solo informativa.",
        sources: "OCP R002/R055 (\"justo debajo\"); Banco Mundial, indicador 5; IACRC; Portugal A5 (banda del 5 %); "
            + "pruebas de acumulación (Tas 2019/2023)")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "delta", .decimal(exactDecimal("0.001")...exactDecimal("0.5")),
            .decimal(exactDecimal("0.05")), "Ancho de la banda bajo cada umbral, como fracción (0.05 = 5 %)"),
        ParameterSpec("min_n", .integer(1...100_000), .integer(5), "Compras mínimas en la banda para marcar la unidad"),
        ParameterSpec(
            "razon", .decimal(1...1000), .decimal(3), "Compras en la banda ÷ compras en la banda anterior para marcar"),
        ParameterSpec(
            "por_compra", .bool, .bool(true), "Informar también cada compra dentro de la banda (informativo)"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    /// A band's key: one unit and one threshold.
    private struct BandKey: Hashable {
        let unit: Int
        let threshold: Int64
    }

    /// A band's bounds in whole centavos, exact: amount ≥ T(1−δ) ⟺ amount ≥ ⌈T(1−δ)⌉, and amount > x ⟺
    /// amount > ⌊x⌋, so comparisons are integer ones (Decimal arithmetic per purchase was most of the cost).
    private struct Bounds {
        /// ⌈T(1−δ)⌉: the lowest amount in the purchase-level band [T(1−δ), T].
        let bandLow: Int64
        /// ⌊T(1−δ)⌋: amounts above it are in the unit-level band (T(1−δ), T].
        let bandAbove: Int64
        /// ⌊T(1−2δ)⌋: amounts above it (and not in the band) are in the band below.
        let belowAbove: Int64

        init(_ threshold: Money, delta: Decimal) {
            func rounded(_ value: Decimal, _ mode: NSDecimalNumber.RoundingMode) -> Int64 {
                var value = value
                var result = Decimal()
                NSDecimalRound(&result, &value, 0, mode)
                return NSDecimalNumber(decimal: result).int64Value
            }
            let top = Decimal(threshold.centavos)
            bandLow = rounded(top * (1 - delta), .up)
            bandAbove = rounded(top * (1 - delta), .down)
            belowAbove = rounded(top * (1 - 2 * delta), .down)
        }
    }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let delta = parameters.decimal("delta")
        let perPurchase = parameters.bool("por_compra")
        var bounds: [Int64: Bounds] = [:]
        // Per (unit, threshold): purchases in (T(1−δ), T] and the count in (T(1−2δ), T(1−δ)].
        var bands: [BandKey: (threshold: Money, inBand: [Int], below: Int)] = [:]
        var order: [BandKey] = []
        var result = IndicatorResult()
        for (index, fact) in context.facts.enumerated() {
            guard fact.isValid, let amount = fact.amount, context.splitExclusion(at: index) == nil else { continue }
            result.evaluated += 1
            let value = amount.centavos
            for threshold in context.thresholds(at: index).ladder {
                let band = bounds[threshold.centavos] ?? Bounds(threshold, delta: delta)
                bounds[threshold.centavos] = band
                guard value <= threshold.centavos, value > band.belowAbove else { continue }
                let key = BandKey(unit: fact.unitIndex, threshold: threshold.centavos)
                if bands[key] == nil {
                    order.append(key)
                    bands[key] = (threshold, [], 0)
                }
                if value > band.bandAbove {
                    bands[key]?.inBand.append(index)
                } else {
                    bands[key]?.below += 1
                }
                if perPurchase && value >= band.bandLow {
                    result.flags.append(try purchaseFlag(fact, amount: amount, threshold: threshold, context: context))
                }
            }
        }
        let minimum = parameters.integer("min_n")
        let ratio = parameters.decimal("razon")
        for key in order {
            guard let band = bands[key], band.inBand.count >= minimum else { continue }
            let measured = Decimal(band.inBand.count) / Decimal(max(band.below, 1))
            guard measured >= ratio else { continue }
            let fact = context.facts[band.inBand[0]]
            let percent = (delta * 100).fixed(decimals: 1)
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: .medio,
                    subject: RedFlagSubject(
                        kind: .unidad, id: "\(Self.info.id):\(fact.unitKey):\(band.threshold.plainText)",
                        label: fact.unitLabel),
                    ejercicio: context.ejercicio, value: measured.fixed(decimals: 2), amount: band.threshold,
                    detail: "\(fact.unitLabel): \(band.inBand.count) compras en el \(percent) % justo bajo "
                        + "\(band.threshold.formatted) y \(band.below) en el \(percent) % anterior (razón "
                        + "\(measured.fixed(decimals: 2))).",
                    evidence: band.inBand.map { context.evidence(context.facts[$0]) }))
        }
        return result
    }

    private func purchaseFlag(_ fact: PurchaseFacts, amount: Money, threshold: Money, context: FlagContext) throws
        -> RedFlag
    {
        let gap = try threshold - amount
        return RedFlag(
            indicatorID: Self.info.id, severity: .informativo,
            subject: RedFlagSubject(
                kind: fact.purchase.kind == .nog ? .nog : .npg, id: fact.purchase.reference, label: fact.unitLabel),
            ejercicio: context.ejercicio, value: ValueText.ratio(amount, threshold), amount: amount,
            detail: "\(fact.referenceKind) \(fact.purchase.reference) (\(context.modalityLabel(fact))) por "
                + "\(amount.formatted), \(gap.formatted) bajo el umbral de \(threshold.formatted).",
            evidence: [context.evidence(fact)])
    }
}
