import Domain
import Foundation

/// The cut-off an execution report states in its title rows: «CORTE AL 31/12/2022», «Al 30 de junio de 2023».
///
/// SICOIN prints the date its figures run to above the header; a `--month` that contradicts it would store a
/// December closing as June (or the other way round), so the importer reads it and compares.
struct StatedCutoff: Equatable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    /// The title text it was read from, for messages.
    var text: String

    /// `2022-12-31`.
    var isoDate: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// The first cut-off stated in some title rows: a date after «corte» or «al» (`31/12/2022`, `31-12-2022`,
    /// `31 de diciembre de 2022`); nil when none states one.
    static func find(in titles: [String]) -> StatedCutoff? {
        for title in titles {
            let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            guard let anchor = folded.range(of: "corte") ?? folded.range(of: "al ") else { continue }
            let rest = String(folded[anchor.upperBound...])
            if let match = rest.firstMatch(of: #/(\d{1,2})[/-](\d{1,2})[/-](\d{4})/#),
                let day = Int(match.1), let month = Int(match.2), let year = Int(match.3),
                let cutoff = make(year: year, month: month, day: day, text: title)
            {
                return cutoff
            }
            if let match = rest.firstMatch(of: #/(\d{1,2}) de ([a-z]+) (?:de |del )?(\d{4})/#),
                let day = Int(match.1), let month = SpanishMonth.number(String(match.2)), let year = Int(match.3),
                let cutoff = make(year: year, month: month, day: day, text: title)
            {
                return cutoff
            }
        }
        return nil
    }

    private static func make(year: Int, month: Int, day: Int, text: String) -> StatedCutoff? {
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return StatedCutoff(year: year, month: month, day: day, text: text.trimmingCharacters(in: .whitespaces))
    }
}
