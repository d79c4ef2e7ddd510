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
        ParameterSpec("cuota", .decimal(0...1), .decimal(exactDecimal("0.5")), "Parte del monto de la unidad que marca"),
        ParameterSpec("min_compras", .integer(1...100_000), .integer(5), "Compras mínimas al proveedor en la unidad"),
        ParameterSpec("min_total", .money, .money(Money(quetzales: 250_000)), "Monto mínimo comprado por la unidad en el año"),
        ParameterSpec(
            "compras_repetidas", .integer(0...100_000), .integer(3),
            "Compras directas al mismo proveedor en el año que se informan (0 = no informar)"),
        ParameterSpec(
            "familias", .integer(0...100), .integer(4),
            "Familias UNSPSC distintas del proveedor en la unidad que se informan (0 = no informar)"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) -> IndicatorResult {
        // Flat tallies by (unit, supplier) index and by unit: nested dictionaries of structs would copy on every
        // update.
        final class Tally {
            let name: String
            var amount: Int64 = 0
            var purchases: [Int] = []
            var direct: [Int] = []
            var families: Set<String> = []
            init(name: String) { self.name = name }
        }
        final class Unit {
            let key: String
            let label: String
            var total: Int64 = 0
            var suppliers: [(id: String, tally: Tally)] = []
            init(key: String, label: String) { (self.key, self.label) = (key, label) }
        }
        var units: [Int: Unit] = [:]
        var unitOrder: [Int] = []
        var tallies: [Int: Tally] = [:]
        let directModalities = Set(YearlyDirectPurchases.directModalities)
        for (index, fact) in context.facts.enumerated() where fact.isValid {
            let unit: Unit
            if let known = units[fact.unitIndex] {
                unit = known
            } else {
                unit = Unit(key: fact.unitKey, label: fact.unitLabel)
                units[fact.unitIndex] = unit
                unitOrder.append(fact.unitIndex)
            }
            let direct = fact.purchase.kind == .npg || fact.modalityCode.map(directModalities.contains) ?? false
            for supplier in fact.suppliers {
                let amount = supplier.amount?.centavos ?? 0
                unit.total += amount
                let key = SplitSpecs.pair(fact.unitIndex, supplier.index)
                let tally: Tally
                if let known = tallies[key] {
                    tally = known
                } else {
                    tally = Tally(name: supplier.name)
                    tallies[key] = tally
                    unit.suppliers.append((supplier.id, tally))
                }
                tally.amount += amount
                tally.purchases.append(index)
                if direct { tally.direct.append(index) }
                if fact.suppliers.count == 1 {
                    for item in fact.purchase.items {
                        guard let code = item.classificationID, code.utf8.count >= 4 else { continue }
                        tally.families.insert(String(code.prefix(4)))
                    }
                }
            }
        }
        let share = parameters.double("cuota")
        let minimum = parameters.integer("min_compras")
        let minimumTotal = parameters.money("min_total") ?? .zero
        let repeated = parameters.integer("compras_repetidas")
        let families = parameters.integer("familias")
        var result = IndicatorResult()
        for unitIndex in unitOrder {
            guard let unit = units[unitIndex] else { continue }
            let key = unit.key
            result.evaluated += 1
            for (id, tally) in unit.suppliers {
                let supplier = "\(id) (\(tally.name))"
                let value = unit.total > 0 ? Double(tally.amount) / Double(unit.total) : 0
                if unit.total >= minimumTotal.centavos, unit.total > 0, tally.purchases.count >= minimum,
                    value >= share - 1e-12
                {
                    result.flags.append(
                        flag(key, unit.label, id, tally.name, .medio, "dominante", ValueText.fixed(value, decimals: 4),
                             Money(centavos: tally.amount),
                             "\(supplier) recibió \(ValueText.percent(value)) de lo que \(unit.label) compró en el año "
                                + "(\(Money(centavos: tally.amount).formatted) de \(Money(centavos: unit.total).formatted), "
                                + "\(tally.purchases.count) compras).", tally.purchases, context))
                }
                if repeated > 0, tally.direct.count >= repeated {
                    let amount = Money.sum(tally.direct.compactMap { context.facts[$0].suppliers.first { $0.id == id }?.amount })
                    result.flags.append(
                        flag(key, unit.label, id, tally.name, .informativo, "compras-repetidas", String(tally.direct.count),
                             amount,
                             "\(unit.label) compró directamente \(tally.direct.count) veces a \(supplier) en el año "
                                + "(\(amount.formatted)).", tally.direct, context))
                }
                if families > 0, tally.families.count >= families {
                    result.flags.append(
                        flag(key, unit.label, id, tally.name, .informativo, "familias", String(tally.families.count),
                             Money(centavos: tally.amount),
                             "\(supplier) vendió a \(unit.label) bienes de \(tally.families.count) familias UNSPSC "
                                + "distintas: \(tally.families.sorted().joined(separator: ", ")).", tally.purchases, context))
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
            subject: RedFlagSubject(kind: .proveedor, id: "\(Self.info.id):\(unit):\(id):\(kind)", label: "\(label) · \(name)"),
            ejercicio: context.ejercicio, value: value, amount: amount, detail: detail,
            evidence: purchases.map { index in
                let fact = context.facts[index]
                let supplier = fact.suppliers.first { $0.id == id }
                return context.evidence(fact, supplier: supplier, amount: supplier?.amount)
            })
    }
}
