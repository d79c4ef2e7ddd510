import Domain
import Foundation

/// How values read on the portal: the terminal's text (`Q1,234.56`, `58,425`), percentages with their sign,
/// dates in Spanish.
enum PortalText {
    /// A cell as the page shows it.
    static func display(_ cell: Cell, column: DataColumn) -> String {
        switch cell {
        case .percent: cell.display + " %"
        default: cell.display
        }
    }

    /// `14 de noviembre de 2023`, in Guatemala's time zone (UTC−6, no daylight saving).
    static func spanishDate(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let month = parts.month.flatMap(SpanishMonth.name) ?? ""
        return "\(parts.day ?? 1) de \(month) de \(parts.year ?? 0)"
    }

    /// `2023-11-14`, in Guatemala's time zone.
    static func isoDate(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 1, parts.day ?? 1)
    }

    /// `2023-11-14 16:13` (UTC), for import dates.
    static func isoMinute(_ date: Date) -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? utc.timeZone
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: -6 * 3600) ?? calendar.timeZone
        return calendar
    }()

    /// The period a publication covers: `ejercicio 2022` or `ejercicio 2022, hasta marzo`.
    static func period(year: Int, month: Int?) -> String {
        guard let month, let name = SpanishMonth.name(month) else { return "ejercicio \(year)" }
        return "ejercicio \(year), hasta \(name)"
    }
}
