import Domain
import Foundation
import Ledger

/// The shares of a purchase's links must add up to exactly 1: the whole purchase, no more, no less.
///
/// Evidence and rules always split a whole; manual links may say less (the rest stays unlinked) or a tampered
/// ledger may say more, and that is what this finds.
public struct LinkSharesSumCheck: LedgerCheck {
    public let id = "vinculos.participaciones"
    public let title = "Las participaciones de los vínculos de cada compra suman 1"

    public init() {}

    public func run(on ledger: Ledger, scope: CheckScope) throws -> CheckResult {
        let links = try ledger.links(ejercicio: scope.ejercicio, buyer: scope.procurements)
        let byPurchase = Dictionary(grouping: links) { "\($0.ejercicio)|\($0.nog)" }
        var findings: [Finding] = []
        for (_, group) in byPurchase.sorted(by: { $0.key < $1.key }) {
            guard let first = group.first else { continue }
            let total = group.map(\.share).reduce(LinkShare(billionths: 0), +)
            guard total != .whole else { continue }
            let methods = Set(group.map(\.method.rawValue)).sorted().joined(separator: ", ")
            findings.append(
                Finding(
                    severity: severity,
                    message:
                        "los vínculos del NOG \(first.nog) (\(methods)) suman una participación de \(total.decimal), "
                        + (total < .whole ? "no 1: parte de la compra queda sin vincular" : "más que la compra entera"),
                    reference: "NOG \(first.nog), \(first.ejercicio)",
                    rows: [.nog(first.nog)] + group.map { .product($0.productCode, year: $0.ejercicio) }))
        }
        return CheckResult(id: id, title: title, examined: byPurchase.count, findings: findings)
    }
}
