import Domain
import Foundation

/// TR04 · Compras directas acumuladas por proveedor en el ejercicio: what one entity (or unit) bought directly
/// from one supplier in the whole year, against the cotización and licitación thresholds.
struct YearlyDirectPurchases: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR04", nameES: "Compras directas acumuladas por proveedor en el ejercicio",
        nameEN: "Yearly direct purchases to one supplier above the competitive threshold", family: .fraccionamiento,
        summary:
            "Lo comprado en forma directa a un proveedor en el año supera el umbral de cotización o de licitación.",
        explanation: SplitSpecs.preamble
            + "Muchas compras directas al mismo proveedor en el año, que juntas superan el umbral de cotización, "
            + "sugieren que la necesidad era previsible y pudo cotizarse o licitarse. Descarte: suministros "
            + "recurrentes (agua, mantenimiento) que la ley permite comprar directamente, bienes distintos del mismo "
            + "proveedor, proveedores únicos en la localidad, y contratos abiertos vigentes para el mismo objeto.",
        sources: "OCP R055 (suma de adjudicaciones directas por comprador y proveedor); Portugal A1 (≥ 3 "
            + "adjudicaciones directas)")

    /// The direct modalities whose amounts add up.
    static let directModalities = ["baja_cuantia", "npg_baja_cuantia", "compra_directa_oferta_electronica"]

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "min_compras", .integer(1...1000), .integer(3), "Compras directas mínimas al proveedor en el año"),
        ParameterSpec(
            "umbral_medio", .money, .catalog,
            "Suma que marca medio; \"catalogo\" = techo de compra directa vigente (Q90,000.00 desde 2016)"),
        ParameterSpec(
            "umbral_alto", .money, .catalog,
            "Suma que marca alto; \"catalogo\" = techo de cotización vigente (Q900,000.00)"),
        SplitSpecs.level("entidad"),
        ParameterSpec("modalidades", .list, .list(directModalities), "Modalidades que cuentan como compra directa"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let direct = Set(parameters.list("modalidades"))
        var groups = Runs<(fact: Int, supplier: SupplierShare, amount: Money)>(capacity: context.facts.count)
        var evaluated = 0
        for (index, fact) in context.facts.enumerated() {
            guard fact.isValid, let code = fact.modalityCode, direct.contains(code),
                context.splitExclusion(at: index) == nil
            else { continue }
            evaluated += 1
            for supplier in fact.suppliers {
                guard let amount = supplier.amount else { continue }
                groups.append(
                    SplitSpecs.pair(SplitSpecs.levelKey(fact, parameters), supplier.index), (index, supplier, amount))
            }
        }
        var result = IndicatorResult(evaluated: evaluated)
        let minimum = parameters.integer("min_compras")
        try groups.forEachRun { _, run in
            guard run.count >= minimum else { return }
            let members = run.map(\.value)
            let sum = try Money.sum(members.map(\.amount))
            let lastDay = context.facts[members[members.count - 1].fact].dayText
            guard
                let medium = parameters.money("umbral_medio")
                    ?? context.thresholds.ceiling("compra_directa_oferta_electronica", on: lastDay),
                let high = parameters.money("umbral_alto") ?? context.thresholds.ceiling("cotizacion", on: lastDay),
                sum > medium
            else { return }
            let severity: RedFlagSeverity = sum > high ? .alto : .medio
            let threshold = sum > high ? high : medium
            let first = context.facts[members[0].fact]
            let supplier = members[0].supplier
            var months: [Int: Money] = [:]
            for member in members { try months[context.facts[member.fact].month, default: .zero] += member.amount }
            let timeline = months.keys.sorted().map { "mes \($0): \(months[$0]?.formatted ?? "")" }.joined(
                separator: "; ")
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: severity,
                    subject: RedFlagSubject(
                        kind: .proveedor,
                        id: "\(Self.info.id):\(SplitSpecs.levelText(first, parameters)):\(supplier.id)",
                        label: "\(SplitSpecs.levelLabel(first, parameters)) · \(supplier.name)"),
                    ejercicio: context.ejercicio, value: ValueText.ratio(sum, threshold), amount: sum,
                    detail:
                        "\(members.count) compras directas de \(SplitSpecs.levelLabel(first, parameters)) al proveedor "
                        + "\(supplier.id) (\(supplier.name)) en \(context.ejercicio) suman \(sum.formatted), más que "
                        + "\(threshold.formatted). Por mes: \(timeline).",
                    evidence: members.map {
                        context.evidence(context.facts[$0.fact], supplier: $0.supplier, amount: $0.amount)
                    }))
        }
        return result
    }
}
