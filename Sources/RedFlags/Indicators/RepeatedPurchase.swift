import Domain
import Foundation

/// TR06 · Compra repetida o publicación duplicada: purchases of one unit to one supplier with (nearly) the same
/// amount a few days apart under different NOG/NPG numbers. Pairs that chain (A≈B, B≈C) form one flag.
struct RepeatedPurchase: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR06", nameES: "Compra repetida o publicación duplicada",
        nameEN: "Repeated purchase / duplicate publication",
        family: .fraccionamiento,
        summary: "La misma unidad compra al mismo proveedor por casi el mismo monto en pocos días con otro NOG o NPG.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Dos publicaciones casi iguales pueden "
            + "ser la misma compra registrada dos veces (por ejemplo, primero como baja cuantía con NPG y luego como "
            + "excepción con NOG) o un pago duplicado. Descarte: pedidos repetidos legítimos (la misma entrega cada "
            + "semana), publicaciones corregidas que anulan la anterior, y compras por lotes con precios iguales.",
        sources: "Caso Ojo con mi Pisto 2020 (NPG → NOG); bandera de pago duplicado (indicatortoolbox)")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec("dias", .integer(0...366), .integer(15), "Días máximos entre las dos compras"),
        ParameterSpec(
            "tolerancia", .decimal(0...1), .decimal(exactDecimal("0.005")),
            "Diferencia máxima de montos como fracción del mayor (0.005 = 0.5 %)"),
        ParameterSpec(
            "similitud_descripcion", .decimal(0...1), .decimal(0),
            "Si es mayor que 0, exige además descripciones así de parecidas (cuando ambas tienen descripción)"),
    ]

    /// Modalities that publish without competition: pairing one of these with another modality is the NPG→NOG case.
    static let directFamily: Set<String> = ["baja_cuantia", "npg_baja_cuantia", "compra_directa_oferta_electronica"]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        var groups = Runs<(fact: Int, supplier: SupplierShare, amount: Money)>(capacity: context.facts.count)
        var result = IndicatorResult()
        for (index, fact) in context.facts.enumerated() where fact.isValid {
            result.evaluated += 1
            for supplier in fact.suppliers {
                guard let amount = supplier.amount, amount > .zero else { continue }
                groups.append(SplitSpecs.pair(fact.unitIndex, supplier.index), (index, supplier, amount))
            }
        }
        let days = parameters.integer("dias")
        let tolerance = parameters.decimal("tolerancia")
        let similarity = parameters.double("similitud_descripcion")
        groups.forEachRun { _, run in
            guard run.count > 1 else { return }
            let members = run.map(\.value)
            var sets = DisjointSet(count: members.count)
            var paired = Set<Int>()
            var mixed = Set<Int>()
            for i in members.indices {
                let a = context.facts[members[i].fact]
                for j in members.indices where j > i {
                    let b = context.facts[members[j].fact]
                    guard b.day - a.day <= days else { break }
                    guard a.purchase.reference != b.purchase.reference || a.purchase.kind != b.purchase.kind else {
                        continue
                    }
                    let larger = max(members[i].amount, members[j].amount)
                    let gap = abs(members[i].amount.centavos - members[j].amount.centavos)
                    guard Decimal(gap) <= tolerance * Decimal(larger.centavos) else { continue }
                    if similarity > 0, !a.purchase.title.isEmpty, !b.purchase.title.isEmpty,
                        TextTokens.jaccard(TextTokens.tokens(a.purchase.title), TextTokens.tokens(b.purchase.title))
                            < similarity - 1e-9
                    {
                        continue
                    }
                    sets.union(i, j)
                    paired.formUnion([i, j])
                    if isDirect(a) != isDirect(b) { mixed.formUnion([i, j]) }
                }
            }
            var components: [Int: [Int]] = [:]
            for index in paired.sorted() { components[sets.find(index), default: []].append(index) }
            for root in components.keys.sorted() {
                guard let component = components[root] else { continue }
                result.flags.append(
                    flag(
                        component.map { members[$0] }, mixed: component.contains { mixed.contains($0) },
                        context: context))
            }
        }
        return result
    }

    private func isDirect(_ fact: PurchaseFacts) -> Bool {
        fact.purchase.kind == .npg || fact.modalityCode.map(Self.directFamily.contains) ?? false
    }

    private func flag(
        _ members: [(fact: Int, supplier: SupplierShare, amount: Money)], mixed: Bool, context: FlagContext
    ) -> RedFlag {
        let facts = members.map { context.facts[$0.fact] }
        let span = (facts.map(\.day).max() ?? 0) - (facts.map(\.day).min() ?? 0)
        let refs = facts.map { "\($0.referenceKind) \($0.purchase.reference) (\(context.modalityLabel($0)))" }
        let supplier = members[0].supplier
        var detail =
            "\(facts[0].unitLabel) compró a \(supplier.id) (\(supplier.name)) montos casi iguales en "
            + "\(span) días: " + refs.joined(separator: ", ") + "."
        if mixed { detail += " Una es compra directa y la otra otra modalidad: posible doble publicación." }
        return RedFlag(
            indicatorID: Self.info.id, severity: mixed ? .alto : .medio,
            subject: RedFlagSubject(
                kind: .grupo,
                id: "\(Self.info.id):\(facts[0].unitKey):\(supplier.id):\(facts[0].dayText)",
                label: "\(facts[0].unitLabel) · \(supplier.name)"),
            ejercicio: context.ejercicio, value: String(span), amount: members.map(\.amount).max(), detail: detail,
            evidence: members.map { context.evidence(context.facts[$0.fact], supplier: $0.supplier, amount: $0.amount) }
        )
    }
}
