import Domain
import Foundation
import Ledger

/// The same NOG imported from two kinds of source (OCDS, flat export, NOG page) must state the same awarded
/// total: when they disagree, one of them is wrong, and the ledger only keeps the latest.
public struct AwardedAmountAcrossSourcesCheck: LedgerCheck {
    public let id = "compras.adjudicado-fuentes"
    public let title = "Las fuentes de un mismo NOG coinciden en el monto adjudicado"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        var findings: [Finding] = []
        let states = try ledger.awardedTotalsBySource(scope.procurementScope)
        for (nog, history) in states.sorted(by: { $0.key < $1.key }) {
            // The latest statement of each kind of source that gave an amount.
            var latest: [String: SourcedAwardedTotal] = [:]
            for state in history where state.awardedTotal != nil {
                if let earlier = latest[state.sourceKind], earlier.importRunID > state.importRunID { continue }
                latest[state.sourceKind] = state
            }
            let amounts = Set(latest.values.compactMap(\.awardedTotal))
            guard amounts.count > 1 else { continue }
            let said = latest.values.sorted { $0.importRunID < $1.importRunID }.map {
                "\($0.awardedTotal?.formatted ?? "") en \($0.sourceKind) (\($0.fileName))"
            }
            findings.append(
                Finding(
                    severity: severity,
                    message: "el NOG \(nog) tiene montos adjudicados distintos según la fuente: "
                        + said.joined(separator: "; "),
                    reference: "NOG \(nog)", rows: [.nog(nog)]))
        }
        return CheckResult(id: id, title: title, examined: states.count, findings: findings)
    }
}
