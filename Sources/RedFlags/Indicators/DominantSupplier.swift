import Domain
import Foundation

/// TR15 · Proveedor dominante en la unidad compradora: one supplier holds at least `cuota` of what a unit bought
/// in the year; with two informative sub-flags: many direct purchases to it, and many UNSPSC families (Prozorro 2-15).
struct DominantSupplier: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR15", nameES: "Proveedor dominante en la unidad compradora", nameEN: "Dominant / repeat supplier",
        family: .competencia,
        summary: "Un proveedor concentra buena parte de lo que una unidad compró en el año.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Un proveedor que gana casi todo en una "
            + "unidad puede tener una relación privilegiada. Descarte: mercados locales con un solo proveedor, "
            + "contratos grandes que naturalmente dominan el año (una obra, un servicio de alimentación) y "
            + "proveedores mayoristas que distribuyen muchas marcas.",
        sources: "OCP R040/R050/R051; Portugal A1; Prozorro 2-15 (≥ 4 objetos distintos)")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "cuota", .decimal(0...1), .decimal(exactDecimal("0.5")), "Parte del monto de la unidad que marca"),
        ParameterSpec("min_compras", .integer(1...100_000), .integer(5), "Compras mínimas al proveedor en la unidad"),
        ParameterSpec(
            "min_total", .money, .money(Money(quetzales: 250_000)), "Monto mínimo comprado por la unidad en el año"),
        ParameterSpec(
            "compras_repetidas", .integer(0...100_000), .integer(3),
            "Compras directas al mismo proveedor en el año que se informan (0 = no informar)"),
        ParameterSpec(
            "familias", .integer(0...100), .integer(4),
            "Familias UNSPSC distintas en las compras de un proveedor a la unidad (y al menos tantas compras) que se informan (0 = no informar)"
        ),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    /// One purchase's award to one supplier.
    private struct Entry {
        let fact: Int
        let supplier: SupplierShare
        let direct: Bool
    }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        // Unit totals by unit index, then each (unit, supplier) run of a sort: no per-pair objects.
        var unitTotals: [Int: Int64] = [:]
        var units: Set<Int> = []
        var entries = Runs<Entry>(capacity: context.facts.count)
        let directModalities = Set(YearlyDirectPurchases.directModalities)
        for (index, fact) in context.facts.enumerated() where fact.isValid {
            units.insert(fact.unitIndex)
            let direct = fact.purchase.kind == .npg || fact.modalityCode.map(directModalities.contains) ?? false
            for supplier in fact.suppliers {
                try unitTotals[fact.unitIndex, default: 0].add(centavos: supplier.amount?.centavos ?? 0)
                entries.append(
                    SplitSpecs.pair(fact.unitIndex, supplier.index),
                    Entry(fact: index, supplier: supplier, direct: direct))
            }
        }
        let share = parameters.double("cuota")
        let minimum = parameters.integer("min_compras")
        let minimumTotal = parameters.money("min_total") ?? .zero
        let repeated = parameters.integer("compras_repetidas")
        let families = parameters.integer("familias")
        var result = IndicatorResult(evaluated: units.count)
        try entries.forEachRun { _, run in
            guard let first = run.first?.value else { return }
            let fact = context.facts[first.fact]
            let total = unitTotals[fact.unitIndex] ?? 0
            let id = first.supplier.id
            let name = first.supplier.name
            let supplier = "\(id) (\(name))"
            var amount: Int64 = 0
            for entry in run { try amount.add(centavos: entry.value.supplier.amount?.centavos ?? 0) }
            let purchases = run.map(\.value.fact)
            let value = total > 0 ? Double(amount) / Double(total) : 0
            if total >= minimumTotal.centavos, total > 0, purchases.count >= minimum, value >= share - 1e-12 {
                result.flags.append(
                    flag(
                        fact.unitKey, fact.unitLabel, id, name, .medio, "dominante",
                        ValueText.fixed(value, decimals: 4),
                        Money(centavos: amount),
                        "\(supplier) recibió \(ValueText.percent(value)) de lo que \(fact.unitLabel) compró en el año "
                            + "(\(Money(centavos: amount).formatted) de \(Money(centavos: total).formatted), "
                            + "\(purchases.count) compras).", purchases, context))
            }
            if repeated > 0 {
                let direct = run.filter(\.value.direct)
                if direct.count >= repeated {
                    let directAmount = try Money.sum(direct.compactMap(\.value.supplier.amount))
                    result.flags.append(
                        flag(
                            fact.unitKey, fact.unitLabel, id, name, .informativo, "compras-repetidas",
                            String(direct.count),
                            directAmount,
                            "\(fact.unitLabel) compró directamente \(direct.count) veces a \(supplier) en el año "
                                + "(\(directAmount.formatted)).", direct.map(\.value.fact), context))
                }
            }
            // Families need at least that many single-supplier purchases: count them only then.
            if families > 0, purchases.count >= families {
                var codes: Set<String> = []
                for entry in run where context.facts[entry.value.fact].suppliers.count == 1 {
                    for item in context.facts[entry.value.fact].purchase.items {
                        guard let code = item.classificationID, code.utf8.count >= 4 else { continue }
                        codes.insert(String(code.prefix(4)))
                    }
                }
                if codes.count >= families {
                    result.flags.append(
                        flag(
                            fact.unitKey, fact.unitLabel, id, name, .informativo, "familias", String(codes.count),
                            Money(centavos: amount),
                            "\(supplier) vendió a \(fact.unitLabel) bienes de \(codes.count) familias UNSPSC "
                                + "distintas: \(codes.sorted().joined(separator: ", ")).", purchases, context))
                }
            }
        }
        return result
    }

    private func flag(
        _ unit: String, _ label: String, _ id: String, _ name: String, _ severity: RedFlagSeverity, _ kind: String,
        _ value: String, _ amount: Money, _ detail: String, _ purchases: [Int], _ context: FlagContext
    ) -> RedFlag {
        RedFlag(
            indicatorID: Self.info.id, severity: severity,
            subject: RedFlagSubject(
                kind: .proveedor, id: "\(Self.info.id):\(unit):\(id):\(kind)", label: "\(label) · \(name)"),
            ejercicio: context.ejercicio, value: value, amount: amount, detail: detail,
            evidence: purchases.map { index in
                let fact = context.facts[index]
                let supplier = fact.suppliers.first { $0.id == id }
                return context.evidence(fact, supplier: supplier, amount: supplier?.amount)
            })
    }
}
