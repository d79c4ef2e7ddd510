import Domain
import Foundation
import Importers
import Ledger
import Linking

/// Runs a linking pass the one way every pass runs: read and validate the rules and manual-links files, then,
/// in one transaction, store them, decide each purchase (``LinkPlanner``), write only the purchases whose result
/// changed, and record the pass. A dry run does everything and rolls back; a pass with nothing new to look at
/// writes nothing at all.
///
/// A pass is incremental when the rules, manual links, products and scope are those of the previous pass: it
/// then decides only the purchases imported, or given evidence, since that pass.
public struct LinkingRun: Sendable {
    /// Bumped when the linking rules of the code change, so the next pass decides everything again.
    public static let algorithmVersion = "vinculacion-1"

    public let ledger: Ledger
    public let toolVersion: String

    public init(ledger: Ledger, toolVersion: String) {
        self.ledger = ledger
        self.toolVersion = toolVersion
    }

    /// Runs one pass.
    /// - Throws: ``ImportError`` when a rules or manual-links file cannot be read or has errors,
    ///   ``LinkingError`` when they name products the year lacks or the year has no products, ``LedgerError``.
    public func run(_ request: LinkingRequest) throws -> LinkingReport {
        let started = Date()
        let ejercicio = request.ejercicio
        let rulesReading = try request.rulesFile.map { try LinkRulesReader.read($0) }
        if let reading = rulesReading, let declared = reading.ruleSet.ejercicio, declared != ejercicio {
            throw LinkingError.yearMismatch(file: reading.ruleSet.fileName, declared: declared, requested: ejercicio)
        }
        let manualReading = try request.manualFile.map { try ManualLinksReader.read($0) }
        var report = try ledger.linking(toolVersion: toolVersion) { session -> (LinkingSession.Ending, LinkingReport) in
            var report = LinkingReport(ejercicio: ejercicio, scope: request.scope.label, outcome: .unchanged)
            report.diagnostics = (rulesReading?.diagnostics ?? []) + (manualReading?.diagnostics ?? [])
            if let rulesReading, let file = request.rulesFile {
                report.rulesStored = try session.storeRules(
                    fileName: file.lastPathComponent, sha256: rulesReading.sha256, content: rulesReading.text)
            }
            if let manualReading, let file = request.manualFile {
                report.manualFile = file.lastPathComponent
                report.manualRows = manualReading.links.count
                report.manualReplaced = try session.storeManualLinks(
                    manualReading.links, ejercicio: ejercicio, fileName: file.lastPathComponent,
                    sha256: manualReading.sha256)
            }
            let watermark = try session.importWatermark()
            let digest = try session.inputsDigest(
                ejercicio: ejercicio, extra: "\(request.scope.label) · \(Self.algorithmVersion)")
            let last = try session.lastRun(ejercicio: ejercicio)
            let mode: LinkRun.Mode
            var changedAfter: Int64?
            if !request.full, let last, last.inputsDigest == digest {
                if last.importWatermark >= watermark {
                    // Nothing imported and no rules, manual links or products changed: nothing to decide or write.
                    report.rulesFile = try session.activeRules()?.fileName
                    report.summary = try session.summary(ejercicio: ejercicio)
                    return (.rollback, report)
                }
                mode = .incremental
                changedAfter = last.importWatermark
            } else {
                mode = .full
            }
            let ruleSet =
                try rulesReading?.ruleSet
                ?? session.activeRules().map {
                    try LinkRulesReader.parse($0.content, fileName: $0.fileName).ruleSet
                }
            report.rulesFile = ruleSet?.fileName
            let metas = try session.metas(ejercicio: ejercicio)
            guard !metas.products.isEmpty else { throw LinkingError.noProducts(ejercicio: ejercicio) }
            let manual = try session.manualLinks(ejercicio: ejercicio)
            try Self.validate(ruleSet, manual: manual, metas: metas)

            // The run first: its write takes the lock, so the purchases and their evidence can be read on two
            // connections that see the same state.
            let runID = try session.beginRun(
                ejercicio: ejercicio, mode: mode, inputsDigest: digest, importWatermark: watermark)
            let (procurements, evidence) = try session.procurementsAndEvidence(
                ejercicio: ejercicio, scope: request.scope, changedAfter: changedAfter)
            let planner = LinkPlanner(
                ejercicio: ejercicio, products: metas.products, subproducts: metas.subproducts,
                productRuns: try session.productRuns(ejercicio: ejercicio), rules: ruleSet, manual: manual)
            // A full pass compares with every stored result; an incremental one only with those it decided.
            let stored =
                try changedAfter.map { try session.storedDigests(ejercicio: ejercicio, changedAfter: $0) }
                ?? session.storedDigests(ejercicio: ejercicio)
            // Each slice of decisions is written as soon as it is planned, while the next ones are being planned:
            // on a national year the writes (SQLite, one core) took longer than planning everything (both cores).
            let computation = try LinkComputation(
                planner: planner, procurements: procurements, evidence: evidence, rules: ruleSet?.rules ?? []
            ) { decisions in
                for decision in decisions {
                    if let method = decision.method {
                        report.examinedByMethod[method, default: LinkSummary.Tally()].purchases += 1
                        try report.examinedByMethod[method, default: LinkSummary.Tally()].amount += Money.sum(
                            decision.links.map(\.amount))
                    }
                    if let unlinked = decision.unlinked { report.unlinked.append(unlinked) }
                    let result = decision.digest
                    if stored[decision.nog] == result {
                        report.unchangedCount += 1
                        continue
                    }
                    try session.write(
                        nog: decision.nog, ejercicio: ejercicio, links: decision.links, unlinked: decision.unlinked,
                        digest: result, runID: runID, replacing: stored[decision.nog] != nil)
                    report.written += 1
                }
            }
            report.rules = computation.rules
            report.conflicts = computation.conflicts
            report.examined = computation.decisions.count
            let scopeNOGs = Set(procurements.map(\.nog))
            report.diagnostics += manual.filter { !scopeNOGs.contains($0.nog) && mode == .full }.map {
                Diagnostic(
                    file: $0.file, line: $0.line, field: "nog", severity: .warning,
                    message: "el NOG \($0.nog) no está entre las compras de \(request.scope.label): el vínculo queda "
                        + "guardado y se aplicará cuando se importe")
            }
            let gone: [String] =
                if let changedAfter {
                    try session.statesChanged(ejercicio: ejercicio, after: changedAfter).filter {
                        !scopeNOGs.contains($0)
                    }
                } else {
                    stored.keys.filter { !scopeNOGs.contains($0) }.sorted()
                }
            for nog in gone { try session.remove(nog: nog, ejercicio: ejercicio) }
            report.removed = gone.count
            try session.finish(runID, examined: report.examined, written: report.written, removed: report.removed)
            report.summary = try session.summary(ejercicio: ejercicio)
            report.outcome = request.dryRun ? .simulated(mode) : .linked(mode)
            return (request.dryRun ? .rollback : .commit, report)
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Every product and subproduct the rules and manual links name must exist in the year's metas (a subproduct
    /// under the product named with it).
    static func validate(_ ruleSet: LinkRuleSet?, manual: [ManualLink], metas: Metas) throws {
        let products = Set(metas.products.map(\.code))
        let subproducts = Dictionary(
            metas.subproducts.map { ($0.code, $0.productCode) }, uniquingKeysWith: { first, _ in first })
        func problems(product: String, subproduct: String?) -> String? {
            guard products.contains(product) else {
                return "el producto «\(product)» no está en las metas \(metas.products.first?.ejercicio ?? 0) "
                    + "(productos: \(products.sorted().joined(separator: ", ")))"
            }
            if let subproduct {
                guard let owner = subproducts[subproduct] else {
                    return "el subproducto «\(subproduct)» no está en las metas"
                }
                if owner != product {
                    return "el subproducto «\(subproduct)» es del producto \(owner), no de \(product)"
                }
            }
            return nil
        }
        if let ruleSet {
            var diagnostics: [Diagnostic] = []
            for rule in ruleSet.rules {
                for target in rule.targets {
                    if let message = problems(product: target.productCode, subproduct: target.subproductCode) {
                        diagnostics.append(
                            Diagnostic(
                                file: ruleSet.fileName, line: rule.line, field: "producto", severity: .error,
                                message: "regla «\(rule.id)»: \(message)"))
                    }
                }
            }
            if !diagnostics.isEmpty {
                throw LinkingError.invalidInput(file: ruleSet.fileName, diagnostics: diagnostics)
            }
        }
        var byFile: [String: [Diagnostic]] = [:]
        for link in manual {
            if let message = problems(product: link.productCode, subproduct: link.subproductCode) {
                byFile[link.file, default: []].append(
                    Diagnostic(
                        file: link.file, line: link.line, field: "producto", severity: .error, message: message))
            }
        }
        if let (file, diagnostics) = byFile.sorted(by: { $0.key < $1.key }).first {
            throw LinkingError.invalidInput(file: file, diagnostics: diagnostics)
        }
    }
}
