import Domain
import Foundation
import TestSupport

/// Deterministic Guatecompras-shaped compiled releases for comparing RedFlags with the Cardinal oracle: every
/// process says `procurementMethod = open` (as Guatecompras does) and its modality in
/// `procurementMethodDetails`; bids are sometimes `0.0` (not disclosed), sometimes identical, sometimes withdrawn;
/// awards are sometimes pending, cancelled or missing; items carry UNSPSC codes; a few suppliers sell everything.
enum CardinalData {
    static let labels: [String: String] = Dictionary(
        uniqueKeysWithValues: ["baja_cuantia", "compra_directa_oferta_electronica", "cotizacion", "licitacion_publica"]
            .map {
                ($0, ModalityCatalog.bundled.modality(code: $0)?.name ?? $0)
            })

    static func releases(seed: UInt64, count: Int) -> [[String: Any]] {
        var rng = SplitMix64(seed: seed)
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        func chance(_ percent: Int) -> Bool { pick(100) < percent }
        let suppliers = (0..<30).map { "GT-NIT-\(5_000_000 + $0 * 37)" }
        let segments = [
            "10", "14", "24", "25", "31", "39", "42", "43", "44", "46", "47", "50", "53", "56", "60", "72", "78", "80",
            "82", "90",
        ]
        var releases: [[String: Any]] = []
        for index in 0..<count {
            let nog = String(30_000_000 + index * 11)
            let roll = pick(100)
            let modality =
                roll < 40
                ? "compra_directa_oferta_electronica"
                : roll < 75 ? "cotizacion" : roll < 90 ? "licitacion_publica" : "baja_cuantia"
            let month = 1 + pick(11)
            let day = 1 + pick(28)
            let start = String(format: "2022-%02d-%02dT%02d:%02d:00-06:00", month, day, 8 + pick(8), pick(60))
            let periodDays = [0, 1, 3, 5, 7, 8, 9, 12, 15, 20, 30, 39, 40, 45][pick(14)]
            let startDate = ISO8601DateFormatter().date(from: start) ?? Date()
            let end = startDate.addingTimeInterval(TimeInterval(periodDays * 86_400 + pick(20) * 3600 - 10 * 3600))
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(secondsFromGMT: -6 * 3600)
            let endText = formatter.string(from: end)
            // Bids: 1–5 bidders, lowest wins most of the time.
            let bidders = Array(Set((0..<(1 + pick(5))).map { _ in suppliers[pick(suppliers.count)] })).sorted()
            let base = Double(20_000 + pick(2_000_000))
            var bids: [[String: Any]] = []
            var amounts: [String: Double] = [:]
            for (position, bidder) in bidders.enumerated() {
                var amount = (base * (1 + Double(pick(400)) / 1000 * Double(position))).rounded() / 1
                if position == 1 && chance(8) { amount = amounts[bidders[0]] ?? amount }  // identical bids
                if position > 0 && chance(4) { amount = (amounts[bidders[0]] ?? amount) + 0.5 }  // very close
                if chance(6) { amount = 0 }  // not disclosed
                amounts[bidder] = amount
                let status = chance(5) ? "disqualified" : chance(3) ? "withdrawn" : "valid"
                bids.append([
                    "id": "\(nog)-\(position)", "status": status, "date": start,
                    "value": ["amount": amount, "currency": "GTQ"],
                    "tenderers": [["id": bidder, "name": "PROVEEDOR \(bidder)"]],
                ])
            }
            let submitted = Set(zip(bidders, bids).filter { ($0.1["status"] as? String) != "withdrawn" }.map(\.0))
            // Awards.
            var awards: [[String: Any]] = []
            let valid = bidders.filter { amounts[$0, default: 0] > 0 }
            if chance(88),
                let lowest = valid.min(by: { amounts[$0, default: 0] < amounts[$1, default: 0] }) ?? bidders.first
            {
                let winner = chance(10) ? bidders[pick(bidders.count)] : lowest
                awards.append([
                    "id": "GT-ADJ-\(nog)", "status": chance(3) ? "pending" : "active",
                    "date": formatter.string(from: end.addingTimeInterval(5 * 86_400)),
                    "value": ["amount": amounts[winner] ?? base, "currency": "GTQ"],
                    "suppliers": [["id": winner, "name": "PROVEEDOR \(winner)"]],
                ])
                if chance(5) {
                    awards.append([
                        "id": "GT-ADJ-\(nog)-X", "status": "cancelled",
                        "suppliers": [["id": suppliers[0], "name": "X"]],
                    ])
                }
            }
            // Items: most suppliers sell from two or three segments; a few (the first five) from anywhere.
            let winner = ((awards.first?["suppliers"] as? [[String: Any]])?.first?["id"] as? String) ?? bidders[0]
            let supplierIndex = suppliers.firstIndex(of: winner) ?? 0
            let own =
                supplierIndex < 5
                ? segments
                : [
                    segments[supplierIndex % 20], segments[(supplierIndex * 7) % 20],
                    segments[(supplierIndex * 3) % 20],
                ]
            let items: [[String: Any]] = (0..<(1 + pick(3))).map { item in
                let code = own[pick(own.count)] + String(format: "%06d", 101_500 + pick(40) * 100)
                return [
                    "id": "\(nog)-i\(item)", "description": "ITEM \(code)", "quantity": 1 + pick(50),
                    "classification": ["scheme": "UNSPSC", "id": code], "unit": ["name": "Unidad"],
                ]
            }
            let cancelled = chance(2)
            let tender: [String: Any] = [
                "id": "GT-NOG-\(nog)", "title": "PROCESO \(nog)", "status": cancelled ? "cancelled" : "complete",
                "statusDetails": cancelled ? "Anulado" : "Adjudicado", "procurementMethod": "open",
                "procurementMethodDetails": labels[modality] ?? modality, "datePublished": start,
                "tenderPeriod": ["startDate": start, "endDate": endText], "numberOfTenderers": submitted.count,
                "items": items,
            ]
            releases.append([
                "ocid": "ocds-xqjsxa-\(nog)", "id": "GT-NOG-\(nog)-T1", "date": start, "tag": ["compiled"],
                "initiationType": "tender", "language": "es",
                "parties": [
                    [
                        "id": "GT-CISP-11130016", "name": "ENTIDAD", "roles": ["buyer"],
                        "identifier": ["scheme": "GT-CISP", "id": "11130016"],
                    ],
                    [
                        "id": "GT-GCUC-436-2", "name": "UNIDAD", "roles": ["buyer"],
                        "identifier": ["scheme": "GT-GCUC", "id": "436-2"],
                        "memberOf": [["id": "GT-CISP-11130016", "name": "ENTIDAD"]],
                    ],
                ],
                "buyer": ["id": "GT-CISP-11130016", "name": "ENTIDAD"],
                "tender": tender, "bids": ["details": bids], "awards": awards,
            ])
        }
        return releases
    }

    /// The releases as a record package file.
    static func write(_ releases: [[String: Any]], to url: URL) throws {
        let package: [String: Any] = [
            "uri": "https://example.org/cardinal.json", "version": "1.1", "publishedDate": "2022-12-31T00:00:00-06:00",
            "publisher": ["name": "prueba"],
            "records": releases.map { release in
                [
                    "ocid": release["ocid"] ?? "",
                    "releases": [["url": "https://example.org/r", "date": release["date"] ?? ""]],
                    "compiledRelease": release,
                ]
            },
        ]
        try JSONSerialization.data(withJSONObject: package, options: [.sortedKeys]).write(to: url)
    }
}
