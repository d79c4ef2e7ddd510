import Foundation

/// An independent re-implementation of the Cardinal indicators that TR08, TR10, TR13, TR14 and TR16 adapt, written
/// from Cardinal's source (open-contracting/cardinal-rs `src/indicators/r003.rs`, `r018.rs`, `r024.rs`, `r028.rs`,
/// `r048.rs`, `r058.rs`, `util.rs`, `lib.rs` at b04158ab) and statrs 0.16's quantile, over OCDS compiled releases
/// as plain JSON objects. It shares no code with the RedFlags target: it is the test's oracle.
enum CardinalOracle {
    typealias JSON = [String: Any]

    /// The settings of a Cardinal INI file that matter here.
    struct Settings {
        /// `[exclusions] procurement_method_details`.
        var excludedDetails: Set<String> = []
        /// `price_comparison_procurement_methods` (allow list; empty = all).
        var priceComparison: Set<String> = []
        /// `[R003] threshold` and `[R003.procurement_method_details]`.
        var r003Threshold = 15
        var r003Details: [String: Int] = [:]
        /// `[R018] procurement_methods`.
        var r018Methods: Set<String> = ["open", "selective"]
        /// `[R048] digits` and `minimum_contracting_processes`.
        var r048Digits = 2
        var r048Minimum = 20
    }

    // MARK: - prepare

    /// Cardinal's `prepare` as the Guatemalan setup uses it: `[redactions] amount = 0` on bids (the value is
    /// removed), and the tender's items copied onto the award when exactly one award is active (Guatecompras
    /// publishes items only on the tender).
    static func prepare(_ release: JSON) -> JSON {
        var release = release
        if var bids = release["bids"] as? JSON, let details = bids["details"] as? [JSON] {
            bids["details"] = details.map { bid -> JSON in
                var bid = bid
                if let value = bid["value"] as? JSON, let amount = value["amount"] as? Double, amount == 0 {
                    bid.removeValue(forKey: "value")
                }
                return bid
            }
            release["bids"] = bids
        }
        if let awards = release["awards"] as? [JSON], let tender = release["tender"] as? JSON,
            let items = tender["items"] as? [JSON]
        {
            let active = awards.indices.filter { awards[$0]["status"] as? String == "active" }
            if active.count == 1 {
                var copy = awards
                copy[active[0]]["items"] = items
                release["awards"] = copy
            }
        }
        return release
    }

    /// `Indicators::run`'s global filters: a string ocid, not cancelled, details not excluded.
    static func included(_ release: JSON, _ settings: Settings) -> Bool {
        guard release["ocid"] is String else { return false }
        let tender = release["tender"] as? JSON
        if tender?["status"] as? String == "cancelled" { return false }
        if let details = tender?["procurementMethodDetails"] as? String, settings.excludedDetails.contains(details) {
            return false
        }
        return true
    }

    static func matchesPriceComparison(_ release: JSON, _ settings: Settings) -> Bool {
        if let details = (release["tender"] as? JSON)?["procurementMethodDetails"] as? String {
            return settings.priceComparison.isEmpty || settings.priceComparison.contains(details)
        }
        return settings.priceComparison.isEmpty
    }

    // MARK: - R003 short submission period

    static func r003(_ releases: [JSON], _ settings: Settings) -> Set<String> {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime]
        var flagged: Set<String> = []
        for release in releases where included(release, settings) {
            guard let ocid = release["ocid"] as? String, let tender = release["tender"] as? JSON,
                let period = tender["tenderPeriod"] as? JSON, let startText = period["startDate"] as? String,
                let endText = period["endDate"] as? String, let start = parser.date(from: startText),
                let end = parser.date(from: endText)
            else { continue }
            // chrono's num_days: whole days, truncated toward zero.
            let days = Int(end.timeIntervalSince(start) / 86_400)
            let threshold =
                (tender["procurementMethodDetails"] as? String).flatMap { settings.r003Details[$0] }
                ?? settings.r003Threshold
            if days < threshold { flagged.insert(ocid) }
        }
        return flagged
    }

    // MARK: - R018 single bid received

    static func r018(_ releases: [JSON], _ settings: Settings) -> Set<String> {
        var flagged: Set<String> = []
        for release in releases where included(release, settings) {
            guard let ocid = release["ocid"] as? String, let tender = release["tender"] as? JSON,
                let method = tender["procurementMethod"] as? String, settings.r018Methods.contains(method),
                let count = tender["numberOfTenderers"] as? Int, count == 1
            else { continue }
            flagged.insert(ocid)
        }
        return flagged
    }

    // MARK: - SecondLowestBidRatio, R024, R058

    struct Ratio {
        let ratio: Double
        let winner: String
        let runnerUp: String
    }

    static func secondLowestBidRatios(_ releases: [JSON], _ settings: Settings) -> [String: Ratio] {
        var ratios: [String: Ratio] = [:]
        for release in releases where included(release, settings) && matchesPriceComparison(release, settings) {
            guard let ocid = release["ocid"] as? String, let awards = release["awards"] as? [JSON],
                let details = (release["bids"] as? JSON)?["details"] as? [JSON]
            else { continue }
            var complete: [JSON] = []
            var final = true
            for award in awards {
                guard let status = award["status"] as? String else { continue }
                switch status {
                case "active": complete.append(award)
                case "cancelled", "unsuccessful": break
                default: final = false
                }
            }
            guard final, complete.count == 1, let suppliers = complete[0]["suppliers"] as? [JSON], suppliers.count == 1,
                let supplier = suppliers[0]["id"] as? String
            else { continue }
            var winner: (String, Double)?
            var other: (String, Double)?
            for bid in details {
                guard bid["status"] as? String == "valid", let value = bid["value"] as? JSON,
                    let amount = value["amount"] as? Double, value["currency"] is String,
                    let tenderers = bid["tenderers"] as? [JSON], tenderers.count == 1,
                    let id = tenderers[0]["id"] as? String
                else { continue }
                if id == supplier {
                    if winner == nil || amount < winner!.1 { winner = (id, amount) }
                } else if other == nil || amount < other!.1 {
                    other = (id, amount)
                }
            }
            if let winner, let other, other.1 >= winner.1 {
                ratios[ocid] = Ratio(ratio: (other.1 - winner.1) / winner.1, winner: winner.0, runnerUp: other.0)
            }
        }
        return ratios
    }

    static func r024(_ ratios: [String: Ratio]) -> Set<String> {
        let values = ratios.values.map(\.ratio)
        let q1 = quantile(values, 0.25)
        let q3 = quantile(values, 0.75)
        let lower = q1 - 1.5 * (q3 - q1)
        guard q1 > 0, lower > 0 else { return [] }
        return Set(ratios.filter { $0.value.ratio <= lower }.keys)
    }

    static func r058(_ ratios: [String: Ratio]) -> Set<String> {
        let values = ratios.values.map(\.ratio)
        let q1 = quantile(values, 0.25)
        let q3 = quantile(values, 0.75)
        let upper = q3 + 1.5 * (q3 - q1)
        guard upper > 0 else { return [] }
        return Set(ratios.filter { $0.value.ratio >= upper }.keys)
    }

    // MARK: - R028 identical bid prices

    static func r028(_ releases: [JSON], _ settings: Settings) -> (ocids: Set<String>, tenderers: Set<String>) {
        var ocids: Set<String> = []
        var tenderers: Set<String> = []
        for release in releases where included(release, settings) && matchesPriceComparison(release, settings) {
            guard let ocid = release["ocid"] as? String,
                let details = (release["bids"] as? JSON)?["details"] as? [JSON]
            else { continue }
            var prices: [Double: Set<String>] = [:]
            for bid in details {
                guard let status = bid["status"] as? String, status != "invited", status != "withdrawn",
                    let list = bid["tenderers"] as? [JSON], let value = bid["value"] as? JSON,
                    let amount = value["amount"] as? Double, value["currency"] is String
                else { continue }
                let ids = Set(list.compactMap { $0["id"] as? String })
                guard !ids.isEmpty else { continue }
                if let other = prices[amount], other != ids {
                    ocids.insert(ocid)
                    tenderers.formUnion(ids)
                    tenderers.formUnion(other)
                }
                prices[amount] = ids
            }
        }
        return (ocids, tenderers)
    }

    // MARK: - R048 heterogeneous supplier

    static func r048(_ releases: [JSON], _ settings: Settings) -> (tenderers: Set<String>, q1: Double, q3: Double) {
        var classifications: [String: (count: Int, codes: Set<String>)] = [:]
        for release in releases where included(release, settings) {
            var observed: Set<String> = []
            for award in release["awards"] as? [JSON] ?? [] {
                guard award["status"] as? String == "active", let items = award["items"] as? [JSON],
                    let suppliers = award["suppliers"] as? [JSON], suppliers.count == 1,
                    let supplier = suppliers[0]["id"] as? String
                else { continue }
                for item in items {
                    guard let code = (item["classification"] as? JSON)?["id"] as? String else { continue }
                    var entry = classifications[supplier] ?? (0, [])
                    if observed.insert(supplier).inserted { entry.count += 1 }
                    entry.codes.insert(String(code.prefix(settings.r048Digits)))
                    classifications[supplier] = entry
                }
            }
        }
        let lengths = classifications.filter { $0.value.count >= settings.r048Minimum }.mapValues {
            Double($0.codes.count)
        }
        let q1 = quantile(Array(lengths.values), 0.25)
        let q3 = quantile(Array(lengths.values), 0.75)
        let upper = q3 + 1.5 * (q3 - q1)
        return (Set(lengths.filter { $0.value >= upper }.keys), q1, q3)
    }

    // MARK: - statrs

    /// statrs 0.16 `Data::quantile` (Hyndman–Fan type 8).
    static func quantile(_ data: [Double], _ tau: Double) -> Double {
        if data.isEmpty || tau < 0 || tau > 1 { return .nan }
        let sorted = data.sorted()
        let h = (Double(sorted.count) + 1.0 / 3.0) * tau + 1.0 / 3.0
        let hf = Int64(h)
        if hf <= 0 || tau == 0 { return sorted.first ?? .nan }
        if hf >= Int64(sorted.count) || tau == 1 { return sorted.last ?? .nan }
        let a1 = sorted[Int(hf) - 1]
        let a2 = sorted[Int(hf)...].min() ?? a1
        return a1 + (h - Double(hf)) * (a2 - a1)
    }
}
