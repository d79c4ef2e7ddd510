import Domain
import Foundation

/// TR12 · Monto atípico para su renglón o categoría: the log of the unit price (one item with a quantity) or of
/// the amount, outside the Tukey fences of the purchases of the same UNSPSC class (and unit of measure) or, lacking
/// a class, of the same renglón, in the year.
struct AmountOutlier: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR12", nameES: "Monto atípico para su renglón o categoría", nameEN: "Amount outlier for its category",
        family: .competencia,
        summary: "El precio unitario o el monto está muy por encima (o por debajo) de las compras de la misma clase.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Un precio muy distinto al de compras "
            + "parecidas puede ser sobreprecio. Descarte: diferencias reales de calidad, cantidad o lugar de entrega, "
            + "unidades de medida distintas bajo el mismo nombre, clases UNSPSC demasiado amplias y errores de "
            + "cantidad en la fuente. Se compara en logaritmos, con mediana y cuartiles, no con la media.",
        sources: "OCP R016/R017; Red Ciudadana red05 (corregido: cuartiles de logaritmos en lugar de la media)")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "k_medio", .decimal(0...100), .decimal(exactDecimal("1.5")),
            "Multiplicador del rango intercuartil para medio"),
        ParameterSpec("k_alto", .decimal(0...100), .decimal(3), "Multiplicador del rango intercuartil para alto"),
        ParameterSpec("min_grupo", .integer(4...100_000), .integer(20), "Compras mínimas del grupo en el año"),
        ParameterSpec("bajos", .bool, .bool(true), "Informar también montos atípicamente bajos (informativo)"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    /// A comparison group: a UNSPSC class (with the unit of measure when comparing unit prices) or a renglón.
    struct GroupKey: Hashable {
        let code: String
        let unit: String?
        let byRenglon: Bool

        var label: String {
            if byRenglon { return "renglón \(code)" }
            return unit.map { "UNSPSC \(code) por \($0)" } ?? "UNSPSC \(code)"
        }
    }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        var groups: [GroupKey: [(fact: Int, metric: Double)]] = [:]
        for (index, fact) in context.facts.enumerated() where fact.isValid {
            guard let amount = fact.amount, amount > .zero, let key = Self.key(fact) else { continue }
            var metric = Double(amount.centavos) / 100
            if let quantity = key.quantity { metric /= quantity }
            guard metric > 0 else { continue }
            groups[key.group, default: []].append((index, log(metric)))
        }
        let medium = parameters.double("k_medio")
        let high = parameters.double("k_alto")
        let low = parameters.bool("bajos")
        var result = IndicatorResult()
        for group in groups.keys.sorted(by: { $0.label < $1.label }) {
            guard let members = groups[group], members.count >= parameters.integer("min_grupo") else { continue }
            result.evaluated += members.count
            let fences = TukeyFences(members.map(\.metric))
            // Equal quartiles mean most prices are identical: every other price would be "atypical".
            guard fences.iqr > 0 else { continue }
            let median = exp(Quantile.type8(members.map(\.metric), 0.5))
            for member in members {
                let severity: RedFlagSeverity
                if member.metric > fences.upper(high) {
                    severity = .alto
                } else if member.metric > fences.upper(medium) {
                    severity = .medio
                } else if low && member.metric < fences.lower(high) {
                    severity = .informativo
                } else {
                    continue
                }
                let fact = context.facts[member.fact]
                let value = exp(member.metric)
                result.flags.append(
                    RedFlag(
                        indicatorID: Self.info.id, severity: severity,
                        subject: RedFlagSubject(
                            kind: fact.purchase.kind == .nog ? .nog : .npg, id: fact.purchase.reference,
                            label: fact.unitLabel),
                        ejercicio: context.ejercicio, value: ValueText.fixed(value / median), amount: fact.amount,
                        detail: "\(fact.referenceKind) \(fact.purchase.reference): "
                            + "\(group.unit == nil ? "el monto" : "el precio unitario") de "
                            + "\(ValueText.fixed(value)) es \(ValueText.fixed(value / median)) veces la mediana "
                            + "(\(ValueText.fixed(median))) de \(members.count) compras del grupo \(group.label) en el año.",
                        evidence: [context.evidence(fact, note: group.label)]))
            }
        }
        return result
    }

    /// The comparison group: UNSPSC class with unit of measure (unit price) › UNSPSC class (amount) › renglón.
    static func key(_ fact: PurchaseFacts) -> (group: GroupKey, quantity: Double?)? {
        let items = fact.purchase.items
        var code: Substring?
        var single = true
        for item in items {
            guard let id = item.classificationID, id.utf8.count >= 6 else {
                single = false
                break
            }
            let prefix = id.prefix(6)
            if let known = code, known != prefix {
                single = false
                break
            }
            code = prefix
        }
        if single, let code {
            if items.count == 1, let quantity = items[0].quantity, quantity > 0, let unit = items[0].unitName {
                return (
                    GroupKey(code: String(code), unit: unit.lowercased(), byRenglon: false),
                    NSDecimalNumber(decimal: quantity).doubleValue
                )
            }
            return (GroupKey(code: String(code), unit: nil, byRenglon: false), nil)
        }
        let renglones = fact.purchase.renglones
        if let first = renglones.first, renglones.allSatisfy({ $0.renglon == first.renglon }) {
            return (GroupKey(code: first.renglon.rawValue, unit: nil, byRenglon: true), nil)
        }
        return nil
    }
}
