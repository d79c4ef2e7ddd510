import Domain
import Foundation

/// TR18 · Ejecución mayor que lo adjudicado: a NOG whose execution evidence (devengado by insumo, or CUR) adds up
/// to more than its awarded amount plus a tolerance.
struct SpendingAboveAward: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR18", nameES: "Ejecución mayor que lo adjudicado", nameEN: "Spending above the awarded amount",
        family: .presupuesto,
        summary: "El devengado ligado a un NOG (ejecución por insumo o CUR) supera el monto adjudicado más una "
            + "tolerancia.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Pagar más de lo adjudicado puede "
            + "indicar ampliaciones no publicadas o pagos cargados al proceso equivocado. Descarte: ampliaciones, "
            + "órdenes de cambio o reajustes de precio aprobados (Art. 61 LCE) que la fuente de compras no refleja, "
            + "adjudicaciones que Guatecompras publica incompletas, filas de ejecución con el NOG mal digitado, el "
            + "mismo pago en dos archivos de ejecución que se traslapan y contratos multianuales. Las NPG no se "
            + "evalúan: su monto es su devengado.",
        sources: "Análogo a OCP R068/R059; verificaciones cruzadas entre archivos del DATA Act (USAspending)")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "tol", .decimal(0...10), .decimal(exactDecimal("0.01")), "Exceso tolerado, como parte del monto adjudicado"),
        ParameterSpec(
            "holgura", .money, .money(Money(centavos: 100)), "Exceso tolerado además de tol, en quetzales (redondeos)"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let tolerance = parameters.decimal("tol")
        let slack = parameters.money("holgura") ?? Money(centavos: 100)
        // Rows by NOG, kept apart by kind: the insumo file and the CUR file describe the same payments, so a NOG is
        // measured by its insumo rows when it has any and by its CUR rows otherwise (never both added).
        var insumo: [String: [StoredLinkEvidence]] = [:]
        var cur: [String: [StoredLinkEvidence]] = [:]
        for row in context.spending.evidence {
            guard let nog = row.evidence.nog else { continue }
            switch row.evidence.kind {
            case .insumo: insumo[nog, default: []].append(row)
            case .cur: cur[nog, default: []].append(row)
            }
        }
        var result = IndicatorResult()
        var withoutAward = 0
        for fact in context.facts where fact.purchase.kind == .nog {
            let nog = fact.purchase.reference
            guard let rows = insumo[nog] ?? cur[nog], !rows.isEmpty else { continue }
            guard fact.isValid, let awarded = fact.amount, awarded > .zero else {
                withoutAward += 1
                continue
            }
            result.evaluated += 1
            let spent = try Money.sum(rows.map(\.evidence.monto))
            let limit = Decimal(awarded.centavos) * (1 + tolerance) + Decimal(slack.centavos)
            guard Decimal(spent.centavos) > limit else { continue }
            let excess = try spent - awarded
            let kind = rows[0].evidence.kind == .insumo ? "ejecución por insumo" : "CUR"
            var evidence = [context.evidence(fact, note: "monto adjudicado")]
            for row in rows.sorted(by: Self.byDate) {
                evidence.append(
                    RedFlagEvidence(
                        referenceKind: "NOG", reference: nog, date: row.evidence.fecha, supplierID: row.evidence.nit,
                        supplierName: row.evidence.proveedor, amount: row.evidence.monto,
                        renglon: row.evidence.renglon?.rawValue,
                        note: "devengado (\(kind), \(row.fileName):\(row.evidence.sourceLine))"))
            }
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: .medio,
                    subject: RedFlagSubject(kind: .nog, id: nog, label: fact.unitLabel), ejercicio: context.ejercicio,
                    value: ValueText.ratio(spent, awarded), amount: excess,
                    detail: "NOG \(nog): el devengado de \(rows.count) fila(s) de \(kind) suma \(spent.formatted), "
                        + "\(excess.formatted) más que lo adjudicado (\(awarded.formatted); tolerancia "
                        + "\(ValueText.percent(NSDecimalNumber(decimal: tolerance).doubleValue)) + \(slack.formatted)).",
                    evidence: evidence))
        }
        if withoutAward > 0 {
            result.notes.append("\(withoutAward) NOG con ejecución sin monto adjudicado válido no se evaluaron")
        }
        return result
    }

    /// Evidence rows by date (undated last), then by row id.
    static func byDate(_ a: StoredLinkEvidence, _ b: StoredLinkEvidence) -> Bool {
        let (x, y) = (a.evidence.fecha ?? "9999", b.evidence.fecha ?? "9999")
        return x != y ? x < y : a.id < b.id
    }
}
