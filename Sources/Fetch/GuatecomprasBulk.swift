import Foundation

/// The monthly bulk files of the Guatecompras OCDS site (`/file/{format}/{year}/{month}`).
///
/// Each answer is a ZIP: for `json` one OCDS record package named `YYYY-MM_Guatecompras.json`;
/// for `csv`/`xlsx` the flattened tables. A 204 means nothing is published for that month.
public struct GuatecomprasBulk: Sendable, Equatable {
    /// The format segment of the bulk URL.
    public enum Format: String, CaseIterable, Sendable {
        case json, csv, xlsx
    }

    /// The publisher's site, as documented by Guatecompras' OpenAPI description and OCP's crawler.
    public static let defaultBaseURL = "https://ocds.guatecompras.gt"

    /// The site root, without a trailing slash.
    public var baseURL: String

    /// The layout under `baseURL` (a trailing slash is ignored).
    public init(baseURL: String = GuatecomprasBulk.defaultBaseURL) {
        var trimmed = baseURL
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.baseURL = trimmed
    }

    /// The request for one month: the month unpadded in the URL (as the site expects), padded in the file name.
    public func request(year: Int, month: Int, format: Format) -> FetchRequest {
        let padded = month < 10 ? "0\(month)" : "\(month)"
        return FetchRequest(
            url: "\(baseURL)/file/\(format.rawValue)/\(year)/\(month)",
            fileName: "\(year)-\(padded)_Guatecompras.\(format.rawValue).zip")
    }

    /// The months to fetch: the one asked for, or every month of the year up to the current one.
    ///
    /// - throws: `FetchError.invalidPeriod` for a month outside 1–12 or a period in the future.
    public static func months(year: Int, month: Int?, today: Date = Date()) throws -> [Int] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/Guatemala") ?? .current
        let now = calendar.dateComponents([.year, .month], from: today)
        let currentYear = now.year ?? year, currentMonth = now.month ?? 12
        if let month, !(1...12).contains(month) {
            throw FetchError.invalidPeriod("el mes debe estar entre 1 y 12, no \(month)")
        }
        guard year <= currentYear else { throw FetchError.invalidPeriod("el año \(year) todavía no ha comenzado") }
        let last = year == currentYear ? currentMonth : 12
        if let month {
            guard month <= last else {
                throw FetchError.invalidPeriod("el mes \(month)/\(year) todavía no ha comenzado")
            }
            return [month]
        }
        return Array(1...last)
    }
}
