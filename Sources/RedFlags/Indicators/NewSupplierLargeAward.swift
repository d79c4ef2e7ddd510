import Domain
import Foundation

/// TR17 · Proveedor nuevo o esporádico con adjudicación alta: a large award to a supplier first seen less than
/// `dias_nuevo` before it (when the ledger holds enough earlier history), or to one with very few awards ever.
struct NewSupplierLargeAward: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR17", nameES: "Proveedor nuevo o esporádico con adjudicación alta",
        nameEN: "New or sporadic supplier with a large award", family: .competencia,
        summary: "Una adjudicación grande va a un proveedor que apareció hace poco o que casi nunca gana.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Una empresa recién llegada que gana un "
            + "contrato grande puede ser de fachada o estar vinculada. Descarte: empresas establecidas que recién "
            + "se inscriben en Guatecompras, cambios de NIT por fusión, y datos que empiezan tarde (el OCDS empieza "
            + "en 2020: sin un año de historia previa no se juzga si es nuevo).",
        sources: "Red Ciudadana red04 (corregido: NOG distintos por NIT y monto); Kirguistán KRAI28; OCP R052")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "dias_nuevo", .integer(1...3650), .integer(365), "Días desde la primera adjudicación del proveedor"),
        ParameterSpec(
            "monto_alto", .money, .catalog,
            "Adjudicación que cuenta como alta; \"catalogo\" = techo de cotización vigente (Q900,000.00)"),
        ParameterSpec(
            "max_adjudicaciones", .integer(1...1000), .integer(2), "Procesos ganados como máximo para ser esporádico"),
        ParameterSpec(
            "historia_minima_dias", .integer(0...3650), .integer(365),
            "Días de datos previos necesarios para juzgar si un proveedor es nuevo"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        var result = IndicatorResult()
        let newDays = Double(parameters.integer("dias_nuevo"))
        let history = Double(parameters.integer("historia_minima_dias")) * 86_400
        let maximum = parameters.integer("max_adjudicaciones")
        var withoutHistory = 0
        let fixed = parameters.money("monto_alto")
        for (index, fact) in context.facts.enumerated() where fact.isValid {
            guard let threshold = fixed ?? context.thresholds(at: index).cotizacion else { continue }
            for award in fact.purchase.awards where award.isActive && !award.supplierID.isEmpty {
                guard let amount = award.amount, amount >= threshold else { continue }
                result.evaluated += 1
                let date = award.date ?? fact.date
                let known = context.supplierHistory[award.supplierID]
                let first = known?.firstAwardAt ?? date
                let covered = context.coverageStart.map { date.timeIntervalSince($0) >= history } ?? false
                let age = date.timeIntervalSince(first) / 86_400
                let note: String
                let severity: RedFlagSeverity
                if covered && age <= newDays {
                    severity = .medio
                    note =
                        "apareció por primera vez el \(CivilDay.text(first)), \(ValueText.fixed(age, decimals: 0)) "
                        + "días antes de esta adjudicación"
                } else if let known, known.processes <= maximum, known.total >= threshold {
                    severity = .informativo
                    note = "ha ganado solo \(known.processes) procesos en los datos, por \(known.total.formatted)"
                } else {
                    if !covered && age <= newDays { withoutHistory += 1 }
                    continue
                }
                result.flags.append(
                    RedFlag(
                        indicatorID: Self.info.id, severity: severity,
                        subject: RedFlagSubject(
                            kind: fact.purchase.kind == .nog ? .nog : .npg, id: fact.purchase.reference,
                            label: award.supplierName),
                        ejercicio: context.ejercicio, value: ValueText.fixed(age, decimals: 0), amount: amount,
                        detail: "\(fact.referenceKind) \(fact.purchase.reference): \(amount.formatted) a "
                            + "\(award.supplierID) (\(award.supplierName)), que \(note).",
                        evidence: [
                            context.evidence(
                                fact,
                                supplier: SupplierShare(id: award.supplierID, name: award.supplierName, amount: amount),
                                amount: amount)
                        ]))
            }
        }
        if withoutHistory > 0 {
            result.notes.append(
                "\(withoutHistory) adjudicaciones altas a proveedores recientes no se juzgaron: faltan datos de un año antes"
            )
        }
        return result
    }
}
