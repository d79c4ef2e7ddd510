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
        var findings: [Finding] = []
        var examined = 0
        // One purchase's links added up at a time, by year then NOG: a national year has hundreds of thousands, and
        // only a purchase whose shares miss 1 is read link by link, to cite its methods and products.
        try ledger.forEachPurchaseLinkTotals(ejercicio: scope.ejercicio, buyer: scope.procurements) { totals, links in
            examined += 1
            guard totals.share != .whole else { return }
            let group = try links()
            guard let first = group.first else { return }
            let total = group.map(\.share).reduce(LinkShare(billionths: 0), +)
            guard total != .whole else { return }
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
        return CheckResult(id: id, title: title, examined: examined, findings: findings)
    }
}
