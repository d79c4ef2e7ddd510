import Domain
import Foundation

/// TR16 · Proveedor heterogéneo (Cardinal R048): a supplier awarded in at least `min_procesos` processes whose
/// items span an unusual number of distinct classification prefixes (`digitos` first digits), above the upper
/// Tukey fence of such suppliers.
struct HeterogeneousSupplier: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR16", nameES: "Proveedor heterogéneo", nameEN: "Heterogeneous supplier", family: .competencia,
        summary: "Un proveedor vende bienes y servicios de muchas categorías distintas, más que sus pares.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Una empresa que vende de todo puede "
            + "ser una intermediaria o una empresa de fachada. Descarte: comercializadoras y distribuidoras "
            + "generales (comunes en Guatemala), ferreterías y librerías con surtido amplio, y clasificaciones UNSPSC "
            + "mal asignadas en la fuente.",
        sources:
            "Cardinal R048 (con los ítems del proceso cuando el proveedor tiene la única adjudicación activa); IACRC")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "digitos", .integer(1...8), .integer(2), "Dígitos de la clasificación UNSPSC que definen una categoría"),
        ParameterSpec(
            "min_procesos", .integer(1...100_000), .integer(20), "Procesos mínimos del proveedor para evaluarlo"),
        ParameterSpec(
            "umbral", .integer(0...1000), .integer(0), "Categorías que marcan (0 = cerca de Tukey de los pares)"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let digits = parameters.integer("digitos")
        var suppliers: [String: (name: String, processes: [Int], codes: Set<String>)] = [:]
        for (index, fact) in context.facts.enumerated() where fact.purchase.kind == .nog && !BidRules.isCancelled(fact)
        {
            let active = fact.purchase.awards.filter { $0.status.map { $0.lowercased() == "active" } ?? true }
            guard active.count == 1, !active[0].supplierID.isEmpty else { continue }
            let codes = fact.purchase.items.compactMap { item -> String? in
                guard let code = item.classificationID, !code.isEmpty else { return nil }
                return String(code.prefix(digits))
            }
            guard !codes.isEmpty else { continue }
            let id = active[0].supplierID
            suppliers[id, default: (active[0].supplierName, [], [])].processes.append(index)
            suppliers[id]?.codes.formUnion(codes)
        }
        let eligible = suppliers.filter { $0.value.processes.count >= parameters.integer("min_procesos") }
        var result = IndicatorResult(evaluated: eligible.count)
        let fixed = parameters.integer("umbral")
        let fences = TukeyFences(eligible.values.map { Double($0.codes.count) })
        let fence = fixed > 0 ? Double(fixed) : fences.upper()
        guard !eligible.isEmpty, fence.isFinite else { return result }
        for id in eligible.keys.sorted() {
            // Cardinal flags variety ≥ fence. When most suppliers have the same variety (IQR 0) that flags all of
            // them, so then only a variety strictly above the fence counts (a deliberate difference from R048).
            guard let supplier = eligible[id] else { continue }
            let variety = Double(supplier.codes.count)
            let strict = fixed == 0 && fences.iqr == 0
            guard strict ? variety > fence : variety >= fence else { continue }
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: .informativo,
                    subject: RedFlagSubject(kind: .proveedor, id: id, label: supplier.name),
                    ejercicio: context.ejercicio,
                    value: String(supplier.codes.count), amount: nil,
                    detail: "\(id) (\(supplier.name)) ganó \(supplier.processes.count) procesos con ítems de "
                        + "\(supplier.codes.count) categorías UNSPSC de \(digits) dígitos (cerca: "
                        + "\(ValueText.fixed(fence, decimals: 2))): \(supplier.codes.sorted().joined(separator: ", ")).",
                    evidence: supplier.processes.prefix(50).map { index in
                        let fact = context.facts[index]
                        return context.evidence(
                            fact, note: fact.purchase.items.compactMap(\.classificationID).joined(separator: ", "))
                    }))
        }
        return result
    }
}
