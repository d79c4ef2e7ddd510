import Domain
import Foundation

/// Runs the red-flag indicators over one fiscal year of the ledger's purchases.
///
/// ```swift
/// let inputs = try ledger.flagInputs(ejercicio: 2022)
/// let run = try RedFlagEngine(settings: .defaults).run(inputs, ids: ["TR01", "TR02"])
/// try ledger.storeRedFlagRun(run, toolVersion: version, startedAt: start)
/// ```
///
/// A flag is a reason to look, never a finding: each indicator's ``RedFlagIndicatorInfo/explanation`` says what
/// legitimate explanations to rule out first.
public struct RedFlagEngine: Sendable {
    public let settings: RedFlagSettings
    public let catalog: ModalityCatalog

    /// An engine with settings (defaults when none) and the bundled modality catalog.
    public init(settings: RedFlagSettings = .defaults, catalog: ModalityCatalog = .bundled) {
        self.settings = settings
        self.catalog = catalog
    }

    /// Runs the indicators named by `ids` (every computed one when nil or empty).
    ///
    /// A `sink` gets each indicator's flags as soon as it has run and the whole run at the end (see
    /// ``RedFlagRunSink``): `banderas` stores a national year's evidence while the last indicators still run.
    /// - Throws: ``RedFlagsError`` for an unknown or pending indicator id.
    public func run(_ inputs: FlagInputs, ids: [String]? = nil, sink: (any RedFlagRunSink)? = nil) throws
        -> RedFlagRun
    {
        let types = try IndicatorRegistry.select(ids)
        let context = try FlagContext(inputs: inputs, settings: settings, catalog: catalog)
        let outcomes = try Self.evaluate(
            types.map { $0.init(parameters: settings.parameters(for: $0)) }, context, sink: sink)
        var indicators: [RedFlagRun.IndicatorOutcome] = []
        var flags: [RedFlag] = []
        for (type, result) in zip(types, outcomes) {
            indicators.append(
                RedFlagRun.IndicatorOutcome(
                    info: type.info, parameters: settings.parameters(for: type).described,
                    flagCount: result.flags.count,
                    evaluated: result.evaluated, notes: result.notes))
            flags += result.flags
        }
        let origins = Self.displayOrder(flags)
        flags = origins.map { flags[$0] }
        let text = ParametersText.text(
            settings: settings, indicators: types, thresholds: context.thresholds, ejercicio: inputs.ejercicio)
        var notes: [String] = []
        if context.undated > 0 {
            notes.append("\(context.undated) compras sin fecha de publicación ni de adjudicación")
        }
        if !context.facts.contains(where: { $0.purchase.kind == .npg }) {
            notes.append(
                "sin compras NPG de la ejecución por insumo: las compras directas sin NOG no entran (importe vínculos)")
        }
        let purchasesRead = context.facts.count
        BackgroundRelease.release(consume context)
        let run = RedFlagRun(
            ejercicio: inputs.ejercicio, parametersHash: ParametersText.hash(text), parametersText: text,
            indicators: indicators, flags: flags, purchasesRead: purchasesRead, notes: notes)
        sink?.finished(run, origins: origins)
        return run
    }

    /// The canonical parameters text a run with these settings would hash (for `--help`-like listings and tests).
    public func parametersText(ejercicio: Int, ids: [String]? = nil) throws -> String {
        let types = try IndicatorRegistry.select(ids)
        let thresholds = ThresholdSchedule(catalog: catalog, overrides: settings.thresholds)
        return ParametersText.text(settings: settings, indicators: types, thresholds: thresholds, ejercicio: ejercicio)
    }

    /// The positions of `flags` strongest first: severity, then indicator, then the larger amount, then the
    /// subject; equal ones as they came (a stable sort).
    ///
    /// Sorts small keys and each caller moves each flag once: sorting 100,000 flags themselves moved and compared
    /// the whole values, which took longer than most indicators.
    static func displayOrder(_ flags: [RedFlag]) -> [Int] {
        struct Key {
            /// Severity then indicator as one number: comparing the indicator ids as strings was most of the sort.
            let group: Int
            let amount: Int64
            let subjectID: String
            let position: Int
        }
        // A run's flags come grouped by indicator: look an id up only when it changes.
        var ids: Set<String> = []
        var last: String?
        for index in flags.indices where flags[index].indicatorID != last {
            last = flags[index].indicatorID
            ids.insert(flags[index].indicatorID)
        }
        let rankByID = Dictionary(uniqueKeysWithValues: ids.sorted().enumerated().map { ($0.element, $0.offset) })
        var previous: (id: String, rank: Int)?
        func rank(_ id: String) -> Int {
            if let previous, previous.id == id { return previous.rank }
            let rank = rankByID[id] ?? 0
            previous = (id, rank)
            return rank
        }
        let indicators = rankByID.count
        var keys = flags.indices.map { index in
            // Strongest first: how many severities rank above this one.
            let severity = RedFlagSeverity.allCases.lazy.filter { $0 > flags[index].severity }.count
            return Key(
                group: severity * indicators + rank(flags[index].indicatorID),
                amount: flags[index].amount?.centavos ?? -1, subjectID: flags[index].subject.id, position: index)
        }
        keys.sort { a, b in
            if a.group != b.group { return a.group < b.group }
            if a.amount != b.amount { return a.amount > b.amount }
            if a.subjectID != b.subjectID { return a.subjectID < b.subjectID }
            return a.position < b.position
        }
        return keys.map(\.position)
    }

    /// Evaluates the indicators, two at a time on this machine's cores, heaviest first
    /// (``IndicatorRegistry/heaviestFirst``): each only reads the shared context, and its result keeps its place.
    /// The sink gets each indicator's flags on the thread that evaluated it, once it succeeded.
    /// - Throws: the first indicator's error (amounts that add up beyond 64-bit centavos), after all have run.
    private static func evaluate(
        _ indicators: [any RedFlagIndicator], _ context: FlagContext, sink: (any RedFlagRunSink)?
    ) throws -> [IndicatorResult] {
        let results = ResultSlots(count: indicators.count)
        let schedule = evaluationOrder(indicators.map { type(of: $0).info.id })
        DispatchQueue.concurrentPerform(iterations: schedule.count) { turn in
            let index = schedule[turn]
            let result = Result { try indicators[index].evaluate(context) }
            if let sink, case .success(let outcome) = result { sink.raised(indicator: index, flags: outcome.flags) }
            results.set(index, result)
        }
        return try results.values.map { try $0.get() }
    }

    /// Positions of `ids` in the order their evaluations start: heaviest first, any id the registry does not rank
    /// after those it does, in their own order.
    static func evaluationOrder(_ ids: [String]) -> [Int] {
        let rank = Dictionary(
            uniqueKeysWithValues: IndicatorRegistry.heaviestFirst.enumerated().map { ($0.element, $0.offset) })
        return ids.indices.sorted { a, b in
            let (rankA, rankB) = (rank[ids[a]] ?? Int.max, rank[ids[b]] ?? Int.max)
            return rankA != rankB ? rankA < rankB : a < b
        }
    }
}

/// Where concurrent indicator runs leave their results (each writes only its own slot, under a lock).
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<IndicatorResult, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<IndicatorResult, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var values: [Result<IndicatorResult, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? .success(IndicatorResult()) }
    }
}
