import Domain
import Foundation

/// Decides, for one fiscal year, which product(s) each purchase served: manual links first, then evidence, then
/// the rules file; anything else stays unlinked with its reason. Pure: the same inputs give the same decision.
///
/// Amounts are the purchase's awarded total split by ``LargestRemainder`` (to the centavo): by the evidence amounts
/// per product, renglón and supplier (in that key order), by the rule's shares, or by the manual shares (or taken as
/// given when a manual row states an amount).
public struct LinkPlanner: Sendable {
    public let ejercicio: Int
    private let products: [String: Product]
    private let subproducts: [String: Subproduct]
    private let productRuns: [String: Int64]
    private let index: ProductIndex
    private let rules: [CompiledRule]
    private let needs: RuleNeeds
    private let manual: [String: [ManualLink]]

    /// - Parameters:
    ///   - ejercicio: the fiscal year linked.
    ///   - products: the year's products (evidence is matched against their budget structure).
    ///   - subproducts: the year's subproducts.
    ///   - productRuns: the import run that wrote each product (by code), for the links' provenance.
    ///   - rules: the rules file, if any.
    ///   - manual: manual links; rows of other years are ignored.
    public init(
        ejercicio: Int, products: [Product], subproducts: [Subproduct] = [], productRuns: [String: Int64] = [:],
        rules: LinkRuleSet? = nil, manual: [ManualLink] = []
    ) {
        self.ejercicio = ejercicio
        let yearProducts = products.filter { $0.ejercicio == ejercicio }
        self.products = Dictionary(yearProducts.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.subproducts = Dictionary(
            subproducts.filter { $0.ejercicio == ejercicio }.map { ($0.code, $0) },
            uniquingKeysWith: { first, _ in first })
        self.productRuns = productRuns
        self.index = ProductIndex(yearProducts)
        let compiled = (rules?.rules ?? []).map(CompiledRule.init)
        self.rules = compiled
        self.needs = RuleNeeds(compiled)
        self.manual = Dictionary(grouping: manual.filter { ($0.ejercicio ?? ejercicio) == ejercicio }, by: \.nog)
    }

    /// The decision for one purchase, given every evidence row that names its NOG.
    public func plan(_ procurement: LinkableProcurement, evidence: [StoredLinkEvidence]) throws -> LinkDecision {
        let yearEvidence = evidence.filter { ($0.evidence.ejercicio ?? ejercicio) == ejercicio }
        let subject = RuleSubject(procurement, evidence: yearEvidence, needs: needs)
        var matching: [LinkRule] = []
        for rule in rules where try subject.meets(rule) { matching.append(rule.rule) }
        var decision = LinkDecision(nog: procurement.nog, links: [], matchingRules: matching.map(\.id))
        if let rows = manual[procurement.nog], !rows.isEmpty {
            decision.links = try manualLinks(rows, procurement)
            return decision
        }
        let evidenceResult = try evidenceLinks(yearEvidence, procurement)
        if case .success(let links) = evidenceResult {
            decision.links = links
            return decision
        }
        if let rule = matching.first {
            decision.links = try ruleLinks(rule, procurement)
            decision.appliedRule = rule.id
            decision.conflicts = matching.dropFirst().filter { $0.targets != rule.targets }.map {
                RuleConflict(nog: procurement.nog, winner: rule.id, other: $0.id)
            }
            return decision
        }
        if case .failure(let unlinked) = evidenceResult {
            decision.unlinked = UnlinkedProcurement(
                ejercicio: ejercicio, nog: procurement.nog, reason: unlinked.reason, detail: unlinked.detail)
        }
        return decision
    }

    // MARK: - Evidence

    struct Unlinked: Error {
        var reason: UnlinkedReason
        var detail: String
    }

    private struct EvidenceKey: Hashable, Comparable {
        var product: String
        var renglon: String
        var supplier: String

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.product, lhs.renglon, lhs.supplier) < (rhs.product, rhs.renglon, rhs.supplier)
        }
    }

    private func evidenceLinks(_ rows: [StoredLinkEvidence], _ procurement: LinkableProcurement)
        throws -> Result<[ProcurementLink], Unlinked>
    {
        guard !rows.isEmpty else { return .failure(Unlinked(reason: .noEvidence, detail: "")) }
        let suppliers = Dictionary(
            procurement.awards.filter(\.isActive).map {
                (NITCheckDigit.compact($0.supplier.identifier), $0.supplier.identifier)
            },
            uniquingKeysWith: { first, _ in first })
        var groups: [EvidenceKey: [StoredLinkEvidence]] = [:]
        var ambiguous: [String] = []
        var unknown: [String] = []
        for row in rows {
            let candidates = index.candidates(for: row.evidence)
            func place() -> String { "\(row.fileName):\(row.evidence.sourceLine) \(Self.codes(row.evidence))" }
            switch candidates.count {
            case 0: unknown.append(place())
            case 1:
                let supplier = row.evidence.nit.flatMap { suppliers[NITCheckDigit.compact($0)] } ?? ""
                let key = EvidenceKey(
                    product: candidates[0].code, renglon: row.evidence.renglon?.rawValue ?? "", supplier: supplier)
                groups[key, default: []].append(row)
            default:
                ambiguous.append("\(place()) (productos \(candidates.map(\.code).sorted().joined(separator: ", ")))")
            }
        }
        if !ambiguous.isEmpty {
            return .failure(Unlinked(reason: .ambiguous, detail: ambiguous.joined(separator: "; ")))
        }
        if !unknown.isEmpty {
            return .failure(Unlinked(reason: .unknownProduct, detail: unknown.joined(separator: "; ")))
        }
        let keys = try groups.keys.filter { key in
            try Money.sum(groups[key, default: []].map(\.evidence.monto)).centavos > 0
        }.sorted()
        let weights = try keys.map { key in try Money.sum(groups[key, default: []].map(\.evidence.monto)).centavos }
        guard let shares = LinkShare.split(weights: weights),
            let amounts = try base(procurement).split(byWeights: weights)
        else {
            return .failure(Unlinked(reason: .evidenceWithoutAmount, detail: "\(rows.count) fila(s) de evidencia"))
        }
        return .success(
            keys.indices.map { position in
                let key = keys[position]
                let members = groups[key, default: []].sorted { $0.id < $1.id }
                return ProcurementLink(
                    ejercicio: ejercicio, nog: procurement.nog, productCode: key.product,
                    renglon: Renglon(rawValue: key.renglon), supplierID: key.supplier.isEmpty ? nil : key.supplier,
                    method: .evidence, share: shares[position], amount: amounts[position],
                    provenance: LinkProvenance(evidenceIDs: members.map(\.id), label: Self.label(members)),
                    dependsOn: runs([procurement.importRunID] + members.map(\.importRunID), product: key.product))
            })
    }

    /// `programa 11 · actividad 009 · renglón 211`: the codes a row gives, for unlinked details.
    static func codes(_ evidence: LinkEvidence) -> String {
        var parts: [String] = []
        if let entidad = evidence.entidad { parts.append("entidad \(entidad)") }
        if let programa = evidence.programa { parts.append("programa \(programa)") }
        if let actividad = evidence.actividad { parts.append("actividad \(actividad)") }
        if let renglon = evidence.renglon { parts.append("renglón \(renglon.rawValue)") }
        return parts.joined(separator: " · ")
    }

    /// `vinculos.csv:10, 11`: the rows of one file by line.
    static func label(_ rows: [StoredLinkEvidence]) -> String {
        var byFile: [(String, [Int])] = []
        for row in rows {
            if let index = byFile.firstIndex(where: { $0.0 == row.fileName }) {
                byFile[index].1.append(row.evidence.sourceLine)
            } else {
                byFile.append((row.fileName, [row.evidence.sourceLine]))
            }
        }
        return byFile.map { "\($0.0):\($0.1.sorted().map(String.init).joined(separator: ", "))" }.joined(
            separator: "; ")
    }

    // MARK: - Rules

    private func ruleLinks(_ rule: LinkRule, _ procurement: LinkableProcurement) throws -> [ProcurementLink] {
        let weights = rule.targets.map(\.share.billionths)
        let amounts = try base(procurement).split(byWeights: weights) ?? weights.map { _ in .zero }
        return rule.targets.indices.map { position in
            let target = rule.targets[position]
            return ProcurementLink(
                ejercicio: ejercicio, nog: procurement.nog, productCode: target.productCode,
                subproductCode: target.subproductCode, renglon: target.renglon, method: .rule, share: target.share,
                amount: amounts[position], provenance: LinkProvenance(ruleID: rule.id, label: "regla \(rule.id)"),
                dependsOn: runs([procurement.importRunID], product: target.productCode), note: rule.note)
        }
    }

    // MARK: - Manual

    private func manualLinks(_ rows: [ManualLink], _ procurement: LinkableProcurement) throws -> [ProcurementLink] {
        let awarded = try base(procurement)
        var shares: [LinkShare]
        var amounts: [Money]
        if rows.allSatisfy({ $0.amount != nil }) {
            amounts = rows.map { $0.amount ?? .zero }
            let weights = amounts.map(\.centavos)
            let claimed = try Money.sum(amounts)
            if awarded.centavos > 0, claimed <= awarded,
                let covered = LargestRemainder.split(
                    LinkShare.scale, weights: [claimed.centavos, try (awarded - claimed).centavos])
            {
                shares = LargestRemainder.split(covered[0], weights: weights)?.map(LinkShare.init(billionths:)) ?? []
            } else {
                shares = LinkShare.split(weights: weights) ?? []
            }
            if shares.count != rows.count { shares = rows.map { _ in LinkShare(billionths: 0) } }
        } else {
            shares = rows.map { $0.share ?? .whole }
            let claimed = shares.reduce(0) { $0 + $1.billionths }
            let covered: Money
            if claimed >= LinkShare.scale {
                covered = awarded
            } else {
                covered = awarded.split(byWeights: [claimed, LinkShare.scale - claimed])?.first ?? .zero
            }
            amounts = covered.split(byWeights: shares.map(\.billionths)) ?? rows.map { _ in .zero }
        }
        return rows.indices.map { position in
            let row = rows[position]
            return ProcurementLink(
                ejercicio: ejercicio, nog: procurement.nog, productCode: row.productCode,
                subproductCode: row.subproductCode, renglon: row.renglon, supplierID: row.supplierID, method: .manual,
                share: shares[position], amount: amounts[position],
                provenance: LinkProvenance(
                    manualFile: row.file, manualLine: row.line, label: "\(row.file):\(row.line)"),
                dependsOn: runs([procurement.importRunID], product: row.productCode), note: row.note)
        }
    }

    // MARK: - Shared

    /// The amount links split: the awarded total (zero for a process without awards).
    private func base(_ procurement: LinkableProcurement) throws -> Money { try procurement.awardedTotal ?? .zero }

    private func runs(_ ids: [Int64], product: String) -> [Int64] {
        Array(Set(ids + [productRuns[product]].compactMap { $0 })).sorted()
    }

    /// The product a subproduct belongs to, for callers validating targets.
    public func product(ofSubproduct code: String) -> String? { subproducts[code]?.productCode }

    /// True when the year has a product with this code.
    public func hasProduct(_ code: String) -> Bool { products[code] != nil }
}
