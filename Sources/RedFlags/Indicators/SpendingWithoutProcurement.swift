import Domain
import Foundation

/// TR19 · Gasto sin proceso identificable / proceso sin ejecución, in two parts:
///
/// - (a) per executing unit and year, the share of devengado in the procurement groups (100/200/300, minus the
///   renglones exempt from publication) that no purchase explains: on budget lines, the devengado beyond what
///   evidence rows with a known NOG or an NPG and links by rule or by hand put on the line; without budget lines,
///   the input-level execution rows with no NOG or NPG, or with a NOG the ledger has no record of;
/// - (b) awarded NOGs of units whose execution the ledger holds, with no execution evidence `dias` days after the
///   award (counted up to the last day the ledger's execution data cover, never to today).
struct SpendingWithoutProcurement: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR19", nameES: "Gasto sin proceso identificable / proceso sin ejecución",
        nameEN: "Spending without a procurement record / award without spending", family: .presupuesto,
        summary: "Devengado de los grupos 100/200/300 que ninguna compra explica, como parte de lo devengado por la "
            + "unidad ejecutora; o compras adjudicadas sin devengado 180 días después.",
        explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Gasto sin NOG ni NPG puede ser una "
            + "compra no publicada en Guatecompras; una adjudicación sin ejecución, una compra que no se pagó o se "
            + "pagó con otro número. Descarte: gastos que la ley no obliga a publicar (servicios básicos, "
            + "viáticos, cuotas a organismos), compras vinculadas solo por reglas o a mano que no apuntan a la línea "
            + "presupuestaria correcta, archivos de ejecución por insumo parciales o de otro corte, pagos del año "
            + "siguiente aún no importados, contratos multianuales, adjudicaciones anuladas después y entregas "
            + "pendientes.",
        sources: "Conciliación del libro (conteos de lo no vinculado, como COMPASS); espíritu de OCP R063")

    static let parameterSpecs: [ParameterSpec] = [
        ParameterSpec(
            "grupos", .list, .list(["100", "200", "300"]),
            "Grupos o renglones de gasto revisados (\"200\" = todo el grupo 2; \"260\" = el subgrupo 26)"),
        ParameterSpec(
            "renglones_exentos", .list, .list(["111", "112", "113", "115"]),
            "Renglones que la LCE no obliga a comprar por Guatecompras (servicios básicos)"),
        ParameterSpec(
            "cuota", .decimal(0...1), .decimal(exactDecimal("0.1")),
            "Parte del devengado sin compra que marca a la unidad"),
        ParameterSpec(
            "dias", .integer(1...3650), .integer(180), "Días tras la adjudicación sin devengado que marcan un NOG"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        var result = IndicatorResult()
        try spendingWithoutPurchase(context, into: &result)
        try awardsWithoutSpending(context, into: &result)
        return result
    }

    // MARK: - (a) Spending without a purchase

    /// An executing unit: entidad and unidad ejecutora ("" when the entity has none).
    private struct UnitKey: Hashable, Comparable {
        let entidad: String
        let unidad: String

        static func < (a: Self, b: Self) -> Bool { (a.entidad, a.unidad) < (b.entidad, b.unidad) }
        var id: String { unidad.isEmpty ? "UE \(entidad)" : "UE \(entidad)-\(unidad)" }
    }

    /// What one unit spent in the groups and how much of it no purchase explains.
    private struct Tally {
        var devengado: Int64 = 0
        var unexplained: Int64 = 0
        var fromLines = false
        var rows: [RedFlagEvidence] = []
    }

    private func counts(_ renglon: Renglon?) -> Bool {
        guard let renglon else { return false }
        return ExclusionRule.renglon(renglon.rawValue, matchesAnyOf: parameters.list("grupos"))
            && !ExclusionRule.renglon(renglon.rawValue, matchesAnyOf: parameters.list("renglones_exentos"))
    }

    /// True when the row names a purchase the ledger knows: an NPG, or a NOG with a procurement record.
    private static func explains(_ row: LinkEvidence, unknown: Set<String>) -> Bool {
        if let nog = row.nog { return !unknown.contains(nog) }
        return row.npg != nil
    }

    private func spendingWithoutPurchase(_ context: FlagContext, into result: inout IndicatorResult) throws {
        let spending = context.spending
        let year = context.ejercicio
        let lines = spending.budgetLines.filter { $0.key.ejercicio == year }
        // Budget lines by entidad and renglón, in key order, with the devengado purchases explain on each.
        var byEntityRenglon: [String: [Int]] = [:]
        var byStructure: [BudgetStructure: [Int]] = [:]
        for (index, line) in lines.enumerated() {
            byEntityRenglon[line.key.structure.entidad + "|" + line.key.renglon.rawValue, default: []].append(index)
            byStructure[line.key.structure, default: []].append(index)
        }
        var explained = [Int64](repeating: 0, count: lines.count)
        func fill(_ candidates: [Int], _ amount: Int64) {
            var left = amount
            for index in candidates where left > 0 {
                let room = max(0, lines[index].amounts.devengado.centavos) - explained[index]
                guard room > 0 else { continue }
                let used = min(room, left)
                explained[index] += used
                left -= used
            }
        }
        let yearRows = spending.evidence.filter { row in
            row.evidence.ejercicio == year
                || (row.evidence.ejercicio == nil && row.evidence.fecha?.hasPrefix(String(year)) == true)
        }
        for row in yearRows where Self.explains(row.evidence, unknown: spending.unknownNOGs) {
            guard let entidad = row.evidence.entidad, let renglon = row.evidence.renglon, row.evidence.monto > .zero,
                let candidates = byEntityRenglon[entidad + "|" + renglon.rawValue]
            else { continue }
            fill(candidates.filter { row.evidence.matches(lines[$0].key) }, row.evidence.monto.centavos)
        }
        for link in spending.linkedAmounts where link.amount > .zero {
            guard let renglon = link.renglon, let candidates = byStructure[link.structure] else { continue }
            fill(candidates.filter { lines[$0].key.renglon == renglon }, link.amount.centavos)
        }

        var tallies: [UnitKey: Tally] = [:]
        var lineRows: [UnitKey: [(unexplained: Int64, line: Int)]] = [:]
        for (index, line) in lines.enumerated() where counts(line.key.renglon) {
            let devengado = max(0, line.amounts.devengado.centavos)
            guard devengado > 0 else { continue }
            let unit = UnitKey(entidad: line.key.structure.entidad, unidad: line.key.structure.unidadEjecutora ?? "")
            let gap = devengado - explained[index]
            tallies[unit, default: Tally()].fromLines = true
            try tallies[unit]?.devengado.add(centavos: devengado)
            try tallies[unit]?.unexplained.add(centavos: gap)
            if gap > 0 { lineRows[unit, default: []].append((gap, index)) }
        }
        // Input-level rows that name no known purchase: the unexplained spending itself when the unit has no
        // budget lines, and evidence of it when it has.
        for row in yearRows where row.evidence.kind == .insumo && counts(row.evidence.renglon) {
            guard let entidad = row.evidence.entidad else { continue }
            let unit = UnitKey(entidad: entidad, unidad: row.evidence.unidadEjecutora ?? "")
            let orphan = !Self.explains(row.evidence, unknown: spending.unknownNOGs)
            if tallies[unit]?.fromLines != true {
                try tallies[unit, default: Tally()].devengado.add(centavos: row.evidence.monto.centavos)
                if orphan { try tallies[unit]?.unexplained.add(centavos: row.evidence.monto.centavos) }
            }
            if orphan { tallies[unit, default: Tally()].rows.append(Self.orphanEvidence(row)) }
        }
        let share = parameters.decimal("cuota")
        for (unit, tally) in tallies.sorted(by: { $0.key < $1.key }) where tally.devengado > 0 {
            result.evaluated += 1
            guard tally.unexplained > 0, Decimal(tally.unexplained) >= share * Decimal(tally.devengado) else {
                continue
            }
            let devengado = Money(centavos: tally.devengado)
            let unexplained = Money(centavos: tally.unexplained)
            let value = Double(tally.unexplained) / Double(tally.devengado)
            var evidence: [RedFlagEvidence] = []
            for entry in (lineRows[unit] ?? []).sorted(by: { ($1.unexplained, $0.line) < ($0.unexplained, $1.line) })
                .prefix(10)
            {
                let line = lines[entry.line]
                evidence.append(
                    RedFlagEvidence(
                        referenceKind: "PRESUPUESTO", reference: line.key.structure.label,
                        amount: Money(centavos: entry.unexplained),
                        renglon: line.key.renglon.rawValue,
                        note: "devengado \(line.amounts.devengado.formatted); explicado por compras "
                            + "\(Money(centavos: explained[entry.line]).formatted)"))
            }
            evidence += tally.rows.sorted { ($0.amount ?? .zero) > ($1.amount ?? .zero) }.prefix(10)
            let basis =
                tally.fromLines
                ? "líneas presupuestarias cuyo devengado supera lo que explican sus compras (evidencia con NOG o NPG y vínculos)"
                : "filas de ejecución por insumo sin NOG ni NPG, o con un NOG sin registro de compra"
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: .medio,
                    subject: RedFlagSubject(kind: .unidad, id: unit.id, label: label(unit, context)),
                    ejercicio: year, value: ValueText.fixed(value, decimals: 4), amount: unexplained,
                    detail: "\(unexplained.formatted) de \(devengado.formatted) devengados en los grupos "
                        + "\(parameters.list("grupos").joined(separator: "/")) (\(ValueText.percent(value))) no tienen "
                        + "compra identificable: \(basis).",
                    evidence: evidence))
        }
        if lines.isEmpty && spending.evidence.isEmpty {
            result.notes.append(
                "sin ejecución en el libro: importe ejecucion o vinculos para evaluar el gasto sin compra")
        }
    }

    private static func orphanEvidence(_ row: StoredLinkEvidence) -> RedFlagEvidence {
        let place = "\(row.fileName):\(row.evidence.sourceLine)"
        let structure = [row.evidence.programa, row.evidence.actividad].compactMap { $0 }.joined(separator: "-")
        if let nog = row.evidence.nog {
            return RedFlagEvidence(
                referenceKind: "NOG", reference: nog, date: row.evidence.fecha, supplierID: row.evidence.nit,
                supplierName: row.evidence.proveedor, amount: row.evidence.monto,
                renglon: row.evidence.renglon?.rawValue,
                note: "NOG sin registro de compra en el libro (\(place))")
        }
        return RedFlagEvidence(
            referenceKind: "INSUMO", reference: place, date: row.evidence.fecha, supplierID: row.evidence.nit,
            supplierName: row.evidence.proveedor, amount: row.evidence.monto, renglon: row.evidence.renglon?.rawValue,
            note: "sin NOG ni NPG" + (structure.isEmpty ? "" : " (programa-actividad \(structure))"))
    }

    /// `Unidad ejecutora 11130016-208 · 436-2 DEPARTAMENTO DE COMPRAS`: the buying unit whose NOGs it pays most.
    private func label(_ unit: UnitKey, _ context: FlagContext) -> String {
        let base = unit.unidad.isEmpty ? "Entidad \(unit.entidad)" : "Unidad ejecutora \(unit.entidad)-\(unit.unidad)"
        let best = context.unitLinks.filter {
            $0.sicoinEntidad == unit.entidad && $0.sicoinUnidadEjecutora == unit.unidad
        }
        .max { ($0.rows, $1.unitCode) < ($1.rows, $0.unitCode) }
        guard let best else { return base }
        return base + " · " + (best.unitName ?? best.unitCode)
    }

    // MARK: - (b) Awards without spending

    private func awardsWithoutSpending(_ context: FlagContext, into result: inout IndicatorResult) throws {
        guard let throughText = context.spending.executionThrough, let through = Self.day(throughText) else {
            result.notes.append("sin fecha de corte de la ejecución: no se evaluaron adjudicaciones sin devengado")
            return
        }
        let days = parameters.integer("dias")
        let covered = Set(context.unitLinks.map(\.unitCode))
        var paid = Set<String>()
        for row in context.spending.evidence { if let nog = row.evidence.nog { paid.insert(nog) } }
        var tooRecent = 0
        for fact in context.facts where fact.purchase.kind == .nog {
            guard fact.isValid, let awarded = fact.amount, awarded > .zero, covered.contains(fact.unitKey),
                let awardDate = Self.awardDate(fact)
            else { continue }
            let awardDay = CivilDay.number(awardDate)
            let elapsed = through - awardDay
            guard elapsed >= days else {
                tooRecent += 1
                continue
            }
            result.evaluated += 1
            guard !paid.contains(fact.purchase.reference) else { continue }
            let awardText = CivilDay.text(awardDate)
            result.flags.append(
                RedFlag(
                    indicatorID: Self.info.id, severity: .informativo,
                    subject: RedFlagSubject(kind: .nog, id: fact.purchase.reference, label: fact.unitLabel),
                    ejercicio: context.ejercicio, value: String(elapsed), amount: awarded,
                    detail:
                        "NOG \(fact.purchase.reference) adjudicado el \(awardText) por \(awarded.formatted) no tiene "
                        + "devengado en la ejecución del libro \(elapsed) días después (ejecución hasta \(throughText)).",
                    evidence: [context.evidence(fact, note: "adjudicado el \(awardText); sin filas de ejecución")]))
        }
        if tooRecent > 0 {
            result.notes.append(
                "\(tooRecent) NOG adjudicados a menos de \(days) días del corte de la ejecución (\(throughText)) no se evaluaron"
            )
        }
    }

    /// The award date: the process's, else its earliest active award's.
    ///
    /// Reads the two fields from the fact: passing its whole purchase copied it (a retain per field) for each of
    /// the year's NOG.
    static func awardDate(_ fact: PurchaseFacts) -> Date? {
        if let date = fact.purchase.awardedAt { return date }
        var earliest: Date?
        for award in fact.purchase.awards where award.isActive {
            if let date = award.date, earliest.map({ date < $0 }) ?? true { earliest = date }
        }
        return earliest
    }

    /// A day number from `2022-12-31` (the first ten characters of a stored date).
    static func day(_ text: String) -> Int? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = ProcurementDate.date(year: parts[0], month: parts[1], day: parts[2]) else {
            return nil
        }
        return CivilDay.number(date)
    }
}
