import Domain
import Foundation

/// Dates as Guatecompras pages write them, in Guatemala time: `10.noviembre.2017 Hora:08:24:02 p.m.`
/// (also `p. m.`), `19.feb..2016`, `01.ene.2016`, `14.feb..2020 07:17:24` and `14/03/2022`.
enum SpanishDate {
    /// The outcome of reading a date cell.
    enum Parsed: Equatable {
        case date(Date)
        case absent
        case invalid
    }

    static func parse(_ raw: String) -> Parsed {
        let text = raw.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces).lowercased()
        if text.isEmpty || NOGPlaceholder.isPlaceholder(text) { return .absent }
        var datePart = Substring(text)
        var timePart = Substring("")
        if let range = text.range(of: "hora:") {
            datePart = text[..<range.lowerBound]
            timePart = text[range.upperBound...]
        } else if let space = text.firstIndex(of: " ") {
            datePart = text[..<space]
            timePart = text[text.index(after: space)...]
        }
        let pieces = datePart.trimmingCharacters(in: .whitespaces)
            .split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" }).map(String.init)
        guard pieces.count == 3, let day = Int(pieces[0]), let year = Int(pieces[2]),
            let month = Int(pieces[1]) ?? SpanishMonth.number(pieces[1])
        else { return .invalid }
        if year <= 1 { return .absent }
        var hour = 0, minute = 0, second = 0
        let time = timePart.trimmingCharacters(in: .whitespaces)
        if !time.isEmpty {
            let digits = time.prefix { $0.isNumber || $0 == ":" }
            let fields = digits.split(separator: ":").compactMap { Int($0) }
            guard (2...3).contains(fields.count) else { return .invalid }
            (hour, minute) = (fields[0], fields[1])
            second = fields.count == 3 ? fields[2] : 0
            let designator = time.dropFirst(digits.count).filter { $0 != " " && $0 != "." }
            switch designator {
            case "": break
            case "am", "pm":
                guard (1...12).contains(hour) else { return .invalid }
                // 12 a.m. is midnight and 12 p.m. noon.
                hour = hour % 12 + (designator == "pm" ? 12 : 0)
            default: return .invalid
            }
            guard hour < 24, minute < 60, second < 61 else { return .invalid }
        }
        guard
            let date = ProcurementDate.date(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return .invalid }
        return .date(date)
    }
}
