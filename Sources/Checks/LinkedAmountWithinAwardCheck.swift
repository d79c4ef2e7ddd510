import Domain
import Foundation
import Ledger

/// What a purchase's links add up to must not exceed what was awarded (a manual amount too large, or an award
/// lowered by a later import and not linked again).
public struct LinkedAmountWithinAwardCheck: LedgerCheck {
    public let id = "vinculos.monto-adjudicado"
    public let title = "Lo vinculado de cada compra no supera lo adjudicado"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        let awarded = try ledger.linkedAwardedTotals(ejercicio: scope.ejercicio, buyer: scope.procurements)
        var findings: [Finding] = []
        var examined = 0
        // One purchase's links added up at a time, by year then NOG: a national year has hundreds of thousands, and
        // only a purchase over its award (or whose sum overflows) is read link by link, to say so as before.
        try ledger.forEachPurchaseLinkTotals(ejercicio: scope.ejercicio, buyer: scope.procurements) { totals, links in
            examined += 1
            if let linked = totals.amount, linked <= awarded[totals.nog] ?? .zero { return }
            let group = try links()
            guard let first = group.first else { return }
            let linked = try Money.sum(group.map(\.amount))
            let award = awarded[first.nog] ?? .zero
            guard linked > award else { return }
            findings.append(
                try Finding(
                    severity: severity,
                    message:
                        "los vínculos del NOG \(first.nog) suman \(linked.formatted) y lo adjudicado es \(award.formatted) "
                        + "(exceso \((linked - award).formatted)); vuelva a vincular o corrija el vínculo manual",
                    reference: "NOG \(first.nog), \(first.ejercicio)", rows: [.nog(first.nog)]))
        }
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }
}
