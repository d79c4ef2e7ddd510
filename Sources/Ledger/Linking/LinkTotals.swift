import Domain

/// A year's purchases, links and amount by method, counted the way ``LinkingSession/summary(ejercicio:)`` reads
/// them: a state whose method is missing or unknown is an unlinked purchase, a link whose method is unknown counts
/// nowhere. Kept as a difference too: what a pass's writes and removals changed.
struct LinkTotals: Equatable {
    struct Tally: Equatable {
        var purchases = 0
        /// Kept so a method whose purchases and amount come back to zero still shows while links of it remain,
        /// as it does when counted from the tables.
        var links = 0
        var amount: Int64 = 0
    }

    var byMethod: [LinkMethod: Tally] = [:]
    var unlinked = 0

    /// Counts (`sign` 1) or discounts (-1) one purchase's state.
    mutating func state(method: String?, sign: Int) {
        if let method = method.flatMap(LinkMethod.init(rawValue:)) {
            byMethod[method, default: Tally()].purchases += sign
        } else {
            unlinked += sign
        }
    }

    /// Counts (`sign` 1) or discounts (-1) one link.
    mutating func link(method: String, amount: Int64, sign: Int) {
        guard let method = LinkMethod(rawValue: method) else { return }
        byMethod[method, default: Tally()].links += sign
        byMethod[method, default: Tally()].amount += Int64(sign) * amount
    }

    /// These totals plus a difference.
    func adding(_ change: LinkTotals) -> LinkTotals {
        var out = self
        out.unlinked += change.unlinked
        for (method, tally) in change.byMethod {
            out.byMethod[method, default: Tally()].purchases += tally.purchases
            out.byMethod[method, default: Tally()].links += tally.links
            out.byMethod[method, default: Tally()].amount += tally.amount
        }
        return out
    }

    /// The summary a pass prints: the methods some state or link has.
    var summary: LinkSummary {
        var summary = LinkSummary()
        summary.unlinked = unlinked
        for (method, tally) in byMethod where tally.purchases != 0 || tally.links != 0 {
            summary.byMethod[method] = LinkSummary.Tally(
                purchases: tally.purchases, amount: Money(centavos: tally.amount))
        }
        return summary
    }

    /// One row per method, and the unlinked purchases as ``LinkRunTotalRecord/unlinkedMethod``.
    func records(runID: Int64) -> [LinkRunTotalRecord] {
        byMethod.filter { $0.value.purchases != 0 || $0.value.links != 0 }.sorted { $0.key.rawValue < $1.key.rawValue }
            .map {
                LinkRunTotalRecord(
                    linkRunID: runID, method: $0.key.rawValue, purchases: $0.value.purchases, links: $0.value.links,
                    amount: $0.value.amount)
            }
            + [
                LinkRunTotalRecord(
                    linkRunID: runID, method: LinkRunTotalRecord.unlinkedMethod, purchases: unlinked, links: 0,
                    amount: 0)
            ]
    }

    /// Totals from the rows ``records(runID:)`` stored; nil when there are none.
    init?(records: [LinkRunTotalRecord]) {
        guard !records.isEmpty else { return nil }
        for record in records {
            if record.method == LinkRunTotalRecord.unlinkedMethod {
                unlinked = record.purchases
            } else if let method = LinkMethod(rawValue: record.method) {
                byMethod[method] = Tally(purchases: record.purchases, links: record.links, amount: record.amount)
            }
        }
    }

    init() {}
}
