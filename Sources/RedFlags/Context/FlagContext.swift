import Domain
import Foundation

/// What the indicators of one run share: the year's purchases with their derived facts, the thresholds and
/// exclusions in force at each date, and the suppliers' history.
struct FlagContext: Sendable {
    let ejercicio: Int
    /// Purchases whose base date falls in the year, in date order.
    let facts: [PurchaseFacts]
    let general: GeneralSettings
    let thresholds: ThresholdSchedule
    let exclusions: [ExclusionRule]
    let catalog: ModalityCatalog
    let supplierHistory: [String: FlagSupplierHistory]
    let coverageStart: Date?
    /// Purchases read but left out: no date at all.
    let undated: Int
    /// Execution evidence, budget lines and links (TR18–TR19).
    let spending: FlagSpending
    /// Executing units seen paying buying units' NOGs (from evidence rows with a NOG).
    let unitLinks: [FlagUnitLink]
    /// For each fact, the basis of the rule that takes it out of the split tests (nil: it stays in).
    let splitExclusions: [String?]
    /// ``exclusions`` ready for fast checks.
    let preparedRules: [PreparedRule]
    /// For each fact, the ceiling of its own modality at its date (nil: the modality has none then).
    let ownCeilings: [Money?]
    /// For each fact, its day's thresholds, as an index into ``dayThresholds``.
    private let dayIndex: [Int32]
    /// The thresholds of each distinct day the facts fall on.
    private let dayThresholds: [DayThresholds]

    /// The ladder ceilings in force on one day.
    struct DayThresholds: Sendable {
        let bajaCuantia: Money?
        let compraDirecta: Money?
        let cotizacion: Money?
        /// The three, ascending, missing ones left out.
        let ladder: [Money]
    }

    init(inputs: FlagInputs, settings: RedFlagSettings, catalog: ModalityCatalog) throws {
        ejercicio = inputs.ejercicio
        general = settings.general
        thresholds = ThresholdSchedule(catalog: catalog, overrides: settings.thresholds)
        exclusions = settings.exclusions
        self.catalog = catalog
        supplierHistory = inputs.supplierHistory
        coverageStart = inputs.coverageStart
        spending = inputs.spending
        unitLinks = inputs.unitLinks
        let units = UnitResolver(purchases: inputs.purchases, links: inputs.unitLinks)
        let invalid = Set(settings.general.invalidStatuses.map(ModalityCatalog.normalize))
        var facts: [PurchaseFacts] = []
        var undated = 0
        facts.reserveCapacity(inputs.purchases.count)
        // A national year has a handful of distinct statuses: normalize each once, not once per purchase.
        var statuses: [String: String] = [:]
        let keys = (units: KeyIndex(), entities: KeyIndex(), suppliers: KeyIndex())
        for purchase in inputs.purchases {
            let text = purchase.status ?? ""
            let status = statuses[text] ?? ModalityCatalog.normalize(text)
            statuses[text] = status
            guard
                let fact = try PurchaseFacts(
                    purchase, general: settings.general, units: units, invalidStatuses: invalid,
                    normalizedStatus: status,
                    keys: keys)
            else {
                undated += 1
                continue
            }
            if ProcurementDate.year(of: fact.date) == inputs.ejercicio { facts.append(fact) }
        }
        // The reference is compared only between purchases of one day (a tuple of both copied it every time).
        facts.sort { a, b in a.day != b.day ? a.day < b.day : a.purchase.reference < b.purchase.reference }
        self.facts = facts
        self.undated = undated
        let rules = settings.exclusions.map(PreparedRule.init)
        preparedRules = rules
        // The split exclusions and the thresholds by day only read the facts: each on its own core. Each part
        // writes only its own variable, and `concurrentPerform` returns after both.
        let sorted = facts
        let schedule = thresholds
        nonisolated(unsafe) var exclusionsByFact: [String?] = []
        nonisolated(unsafe) var placed: ThresholdPlacement?
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                exclusionsByFact = sorted.map { Self.splitExclusion($0, rules: rules) }
            } else {
                placed = ThresholdPlacement(sorted, schedule: schedule)
            }
        }
        splitExclusions = exclusionsByFact
        dayIndex = placed?.dayIndex ?? []
        dayThresholds = placed?.dayThresholds ?? []
        ownCeilings = placed?.ceilings ?? []
    }

    /// Where each fact's thresholds are: the ladder of each distinct day, and the ceiling of the fact's own
    /// modality at its date, computed once per day and per modality and day, not once per purchase and indicator.
    private struct ThresholdPlacement {
        var dayIndex: [Int32] = []
        var dayThresholds: [DayThresholds] = []
        var ceilings: [Money?] = []

        init(_ facts: [PurchaseFacts], schedule: ThresholdSchedule) {
            var days: [Int: Int32] = [:]
            struct CeilingKey: Hashable {
                let code: String
                let day: Int
            }
            var ceilingCache: [CeilingKey: Money?] = [:]
            dayIndex.reserveCapacity(facts.count)
            ceilings.reserveCapacity(facts.count)
            for fact in facts {
                let position: Int32
                if let known = days[fact.day] {
                    position = known
                } else {
                    position = Int32(dayThresholds.count)
                    days[fact.day] = position
                    dayThresholds.append(
                        DayThresholds(
                            bajaCuantia: schedule.ceiling("baja_cuantia", on: fact.dayText),
                            compraDirecta: schedule.ceiling("compra_directa_oferta_electronica", on: fact.dayText),
                            cotizacion: schedule.ceiling("cotizacion", on: fact.dayText),
                            ladder: schedule.ladder(on: fact.dayText)))
                }
                dayIndex.append(position)
                guard let code = fact.modalityCode else {
                    ceilings.append(nil)
                    continue
                }
                let key = CeilingKey(code: code, day: fact.day)
                if let known = ceilingCache[key] {
                    ceilings.append(known)
                } else {
                    let ceiling = schedule.ceiling(code, on: fact.dayText)
                    ceilingCache[key] = ceiling
                    ceilings.append(ceiling)
                }
            }
        }
    }

    /// The ladder thresholds in force on a fact's date.
    func thresholds(at index: Int) -> DayThresholds { dayThresholds[Int(dayIndex[index])] }

    // MARK: - Exclusions

    /// A rule with its values in a set, checked hundreds of thousands of times per run.
    struct PreparedRule: Sendable {
        let rule: ExclusionRule
        let values: Set<String>
        /// The renglones it names: its values for a renglón rule, its ``ExclusionRule/renglones`` for a programa.
        let renglones: RenglonCodes

        init(_ rule: ExclusionRule) {
            self.rule = rule
            values = Set(rule.values)
            renglones = RenglonCodes(rule.kind == .renglon ? rule.values : rule.renglones)
        }
    }

    /// The basis of the rule that takes a whole purchase out of the split tests, or nil.
    ///
    /// A purchase is out when its modality is excluded at its date, or when every renglón it was paid from is
    /// (a purchase paid partly from an excluded renglón stays in, with only its other renglones in TR01).
    func splitExclusion(_ fact: PurchaseFacts) -> String? { Self.splitExclusion(fact, rules: preparedRules) }

    /// ``splitExclusion(_:)`` for a fact at a position of ``facts``, computed once when the context was built.
    func splitExclusion(at index: Int) -> String? { splitExclusions[index] }

    private static func splitExclusion(_ fact: PurchaseFacts, rules: [PreparedRule]) -> String? {
        if let code = fact.modalityCode {
            for prepared in rules where prepared.rule.kind == .modalidad && prepared.values.contains(code) {
                if prepared.rule.applies(on: fact.dayText) { return prepared.rule.basis }
            }
        }
        let renglones = fact.purchase.renglones
        guard !renglones.isEmpty else { return nil }
        var basis: String?
        for line in renglones {
            guard let excluded = renglonExclusion(line, fact: fact, rules: rules) else { return nil }
            basis = basis ?? excluded
        }
        return basis
    }

    /// The basis of the rule that excludes one renglón amount of a purchase, or nil.
    func renglonExclusion(_ line: FlagRenglonAmount, fact: PurchaseFacts) -> String? {
        Self.renglonExclusion(line, fact: fact, rules: preparedRules)
    }

    private static func renglonExclusion(_ line: FlagRenglonAmount, fact: PurchaseFacts, rules: [PreparedRule])
        -> String?
    {
        for prepared in rules where prepared.rule.applies(on: fact.dayText) {
            let rule = prepared.rule
            switch rule.kind {
            case .modalidad:
                continue
            case .renglon:
                if prepared.renglones.matches(line.renglon.rawValue) { return rule.basis }
            case .programa:
                // The default rule lists no pairs: then no text is built for each renglón line.
                guard !prepared.values.isEmpty, let programa = line.programa,
                    let entidad = fact.purchase.sicoinEntidad ?? fact.purchase.entityCode,
                    prepared.values.contains(entidad + ":" + programa)
                else { continue }
                if prepared.renglones.isEmpty || prepared.renglones.matches(line.renglon.rawValue) {
                    return rule.basis
                }
            }
        }
        return nil
    }

    // MARK: - Labels and evidence

    /// A modality's short Spanish name, or the text as published.
    func modalityLabel(_ fact: PurchaseFacts) -> String {
        if let code = fact.modalityCode, let modality = catalog.modality(code: code) {
            return modality.shortName + (fact.modalityAssumed ? " (supuesta)" : "")
        }
        return fact.purchase.modalityText ?? "sin modalidad"
    }

    /// An evidence row for a purchase.
    func evidence(
        _ fact: PurchaseFacts, supplier: SupplierShare? = nil, amount: Money? = nil, renglon: String? = nil,
        note: String? = nil
    ) -> RedFlagEvidence {
        let supplier = supplier ?? fact.soleSupplier
        return RedFlagEvidence(
            referenceKind: fact.referenceKind, reference: fact.purchase.reference, date: fact.dayText,
            modality: fact.modalityCode ?? fact.purchase.modalityText, supplierID: supplier?.id,
            supplierName: supplier?.name, amount: amount ?? fact.amount,
            renglon: renglon
                ?? (fact.purchase.renglones.count == 1 ? fact.purchase.renglones[0].renglon.rawValue : nil),
            description: fact.purchase.title.isEmpty ? nil : fact.purchase.title, note: note)
    }
}
