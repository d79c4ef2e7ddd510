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
        let links = try ledger.links(ejercicio: scope.ejercicio, buyer: scope.procurements)
        let awarded = Dictionary(
            try ledger.linkedProcurements(ejercicio: scope.ejercicio, buyer: scope.procurements).map {
                ($0.nog, try $0.awardedTotal ?? .zero)
            },
            uniquingKeysWith: { first, _ in first })
        let byPurchase = Dictionary(grouping: links) { "\($0.ejercicio)|\($0.nog)" }
        var findings: [Finding] = []
        for (_, group) in byPurchase.sorted(by: { $0.key < $1.key }) {
            guard let first = group.first else { continue }
            let linked = try Money.sum(group.map(\.amount))
            let award = awarded[first.nog] ?? .zero
            guard linked > award else { continue }
            findings.append(
                try Finding(
                    severity: severity,
                    message:
                        "los vínculos del NOG \(first.nog) suman \(linked.formatted) y lo adjudicado es \(award.formatted) "
                        + "(exceso \((linked - award).formatted)); vuelva a vincular o corrija el vínculo manual",
                    reference: "NOG \(first.nog), \(first.ejercicio)", rows: [.nog(first.nog)]))
        }
        return CheckResult(id: id, title: title, examined: byPurchase.count, findings: findings)
    }
}
