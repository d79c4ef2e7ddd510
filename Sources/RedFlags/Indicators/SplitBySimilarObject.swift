import Domain
import Foundation

/// TR03 · Fraccionamiento por objeto similar: purchases of a unit that name the same object (same UNSPSC class,
/// or titles at least `similitud` alike) within a window, whose total goes over the ceiling of the modality each
/// used. Purchases are grouped by single linkage: A–B and B–C alike puts A, B and C together.
struct SplitBySimilarObject: RedFlagIndicator {
    static let info = RedFlagIndicatorInfo(
        id: "TR03", nameES: "Fraccionamiento por objeto similar", nameEN: "Split purchases of the same object",
        family: .fraccionamiento,
        summary: "Compras de una unidad del mismo objeto (clase UNSPSC o descripción parecida) en una ventana cuya "
            + "suma supera el techo de la modalidad usada.",
        explanation: SplitSpecs.preamble
            + "Comprar lo mismo varias veces en pocos días, cada vez por debajo del techo, puede ser una sola compra "
            + "dividida (Art. 81 LCE). Descarte: descripciones genéricas que se parecen sin ser el mismo bien "
            + "(\"compra de insumos\"), consumos urgentes sin falta de previsión, entregas de un mismo contrato "
            + "publicadas aparte, y falta de presupuesto en cada momento. Revise las descripciones lado a lado.",
        sources: "OCP R011 (clasificación de ítems); Kirguistán KRAI1_1/KRAI2; Costa Rica RLCA Art. 13 "
            + "(\"mismo objeto\"); Prozorro (objeto de la compra)")

    static let parameterSpecs: [ParameterSpec] = [
        SplitSpecs.window(30), SplitSpecs.minimum, SplitSpecs.level(), SplitSpecs.modalities,
        SplitSpecs.includeCotizacion,
        ParameterSpec(
            "similitud", .decimal(0...1), .decimal(exactDecimal("0.6")),
            "Similitud mínima de las descripciones (Jaccard de palabras, sin tildes, cifras ni palabras vacías)"),
    ]

    let parameters: IndicatorParameters

    init(parameters: IndicatorParameters) { self.parameters = parameters }

    func evaluate(_ context: FlagContext) throws -> IndicatorResult {
        let candidates = SplitCandidates(context, modalities: SplitSpecs.modalities(parameters))
        let window = parameters.window("ventana")
        let similarity = parameters.double("similitud")
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        // By fact position: a dictionary hashed the position at every lookup of the linking.
        var keys = [ObjectKeys?](repeating: nil, count: context.facts.count)
        var evaluated = 0
        var frequency: [String: Int] = [:]
        var withoutObject = 0
        for candidate in candidates.candidates {
            let fact = context.facts[candidate.fact]
            let objectKeys = ObjectKeys(fact)
            if objectKeys.classes.isEmpty && objectKeys.words.isEmpty {
                withoutObject += 1
                continue
            }
            keys[candidate.fact] = objectKeys
            evaluated += 1
            for word in objectKeys.words { frequency[word, default: 0] += 1 }
            let key = SplitSpecs.levelKey(fact, parameters)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(candidate.fact)
        }
        let ceilings = Dictionary(uniqueKeysWithValues: candidates.candidates.map { ($0.fact, $0.ceiling) })
        var result = IndicatorResult(evaluated: evaluated, notes: candidates.notes)
        if withoutObject > 0 {
            result.notes.append("\(withoutObject) compras sin clase UNSPSC ni descripción (p. ej. NPG) no se evaluaron")
        }
        for key in order {
            guard let facts = groups[key] else { continue }
            let components = link(
                facts, keys: keys, frequency: frequency, context: context, window: window,
                similarity: similarity)
            for component in components {
                let members = component.map { index -> SplitMember in
                    let fact = context.facts[index]
                    return SplitMember(
                        fact: index, day: fact.day, cuatrimestre: CivilDay.cuatrimestre(month: fact.month),
                        amount: fact.amount ?? .zero, ceiling: ceilings[index] ?? .zero, supplier: fact.soleSupplier,
                        renglon: nil)
                }
                for episode in try SplitClusterer.episodes(
                    members, window: window, minimum: parameters.integer("min_compras"))
                {
                    result.flags.append(flag(episode, context, keys: keys, window: window))
                }
            }
        }
        return result
    }

    /// Single-linkage components of purchases that name the same object within the window, each in date order.
    ///
    /// Class matches link each purchase to the latest earlier one of the class in the window (enough for
    /// connectivity, since all of those are linked to each other already). Title matches use prefix filtering:
    /// words ordered rarest first, two titles with Jaccard ≥ s must share one of the first n − ⌈s·n⌉ + 1 words
    /// of each, so only those words are indexed and only pairs sharing one are compared.
    private func link(
        _ facts: [Int], keys: [ObjectKeys?], frequency: [String: Int], context: FlagContext, window: SplitWindow,
        similarity: Double
    ) -> [[Int]] {
        var sets = DisjointSet(count: facts.count)
        var lastByClass: [String: Int] = [:]
        var postings: [String: [Int]] = [:]
        // Each member's day and cuatrimestre read once: the comparisons below run for every pair sharing a word,
        // and reading them from the facts retained and released two of them each time.
        let days = facts.map { context.facts[$0].day }
        let cuatrimestres = facts.map { CivilDay.cuatrimestre(month: context.facts[$0].month) }
        func near(_ a: Int, _ b: Int) -> Bool {
            switch window {
            case .days(let window): return abs(days[a] - days[b]) <= window
            case .cuatrimestre: return cuatrimestres[a] == cuatrimestres[b]
            case .ejercicio: return true
            }
        }
        for position in facts.indices {
            guard let objectKeys = keys[facts[position]] else { continue }
            for classKey in objectKeys.classes {
                if let previous = lastByClass[classKey], near(previous, position) { sets.union(previous, position) }
                lastByClass[classKey] = position
            }
            // Each word's frequency looked up once, not twice per comparison of the sort.
            let words = objectKeys.words.map { (frequency[$0] ?? 0, $0) }.sorted { $0 < $1 }.map(\.1)
            guard !words.isEmpty, similarity > 0 else { continue }
            let needed = Int((similarity * Double(words.count) - 1e-9).rounded(.up))
            let prefix = words.prefix(max(1, words.count - needed + 1))
            for word in prefix {
                for previous in (postings[word] ?? []).reversed() {
                    guard near(previous, position) else { break }
                    if sets.find(previous) == sets.find(position) { continue }
                    if let other = keys[facts[previous]],
                        TextTokens.jaccard(objectKeys.words, other.words) >= similarity - 1e-9
                    {
                        sets.union(previous, position)
                    }
                }
                postings[word, default: []].append(position)
            }
        }
        var components: [Int: [Int]] = [:]
        var roots: [Int] = []
        for position in facts.indices {
            let root = sets.find(position)
            if components[root] == nil { roots.append(root) }
            components[root, default: []].append(facts[position])
        }
        return roots.compactMap { components[$0] }.filter { $0.count > 1 }
    }

    private func flag(
        _ episode: SplitEpisode, _ context: FlagContext, keys: [ObjectKeys?], window: SplitWindow
    ) -> RedFlag {
        let objectKeys = episode.best.compactMap { keys[$0.fact] }
        let sharedClasses = objectKeys.dropFirst().reduce(objectKeys.first?.classes ?? []) {
            $0.intersection($1.classes)
        }
        let sharedWords = objectKeys.dropFirst().reduce(objectKeys.first?.words ?? []) { $0.intersection($1.words) }
        var what: String
        if let code = sharedClasses.sorted().first {
            what = "del mismo objeto (UNSPSC \(code.hasPrefix("F") ? "familia" : "clase") \(code.dropFirst()))"
        } else {
            what = "del mismo objeto (descripciones parecidas"
            what += sharedWords.isEmpty ? ")" : ": \(sharedWords.sorted().prefix(5).joined(separator: ", ")))"
        }
        let fact = context.facts[episode.members[0].fact]
        var flag = SplitFlagBuilder.flag(
            id: Self.info.id, severity: SplitFlagBuilder.evadesCompetition(episode, context) ? .alto : .informativo,
            episode: episode, context: context, subjectKey: SplitSpecs.levelText(fact, parameters),
            label: "\(SplitSpecs.levelLabel(fact, parameters))",
            keyDescription: what, window: window)
        for (index, member) in episode.members.enumerated() {
            let memberKeys = keys[member.fact]
            let classes = (memberKeys?.classes ?? []).map { String($0.dropFirst()) }.sorted()
            flag.evidence[index].note = classes.isEmpty ? nil : "UNSPSC " + classes.joined(separator: ", ")
        }
        return flag
    }
}
