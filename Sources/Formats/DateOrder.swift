import Foundation

/// Whether a file writes numeric dates day first (`14/03/2022`, Guatecompras) or month first
/// (`3/14/22`, Excel in en-US, CUR files). Decided once per file by ``DateOrderSniffer``, never per value,
/// because `03/04/2022` means different days in each.
public enum DateOrder: String, Sendable, Hashable, CaseIterable {
    case dayFirst
    case monthFirst

    /// How the order is named to users.
    public var displayName: String {
        switch self {
        case .dayFirst: "día/mes/año"
        case .monthFirst: "mes/día/año"
        }
    }

    /// A calendar date with an optional time of day, as written in the file (no time zone).
    public struct ParsedDate: Hashable, Sendable {
        /// Four-digit year (two-digit years are expanded: 00–69 → 2000s, 70–99 → 1900s).
        public var year: Int
        /// 1–12.
        public var month: Int
        /// 1–31, checked against the month.
        public var day: Int
        /// 0–23, when the text has a time.
        public var hour: Int?
        /// 0–59, when the text has a time.
        public var minute: Int?
        /// 0–60, when the text has a time.
        public var second: Int?

        /// A date, optionally with a time of day.
        public init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int? = nil, second: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
        }

        /// `2022-03-14` or `2022-03-14T10:37:52`.
        public var iso: String {
            let date = String(format: "%04d-%02d-%02d", year, month, day)
            guard let hour else { return date }
            return date + String(format: "T%02d:%02d:%02d", hour, minute ?? 0, second ?? 0)
        }
    }

    /// The outcome of reading one value.
    public enum Parse: Hashable, Sendable {
        /// An empty cell or a placeholder such as `01/01/0001`: no date.
        case none
        case date(ParsedDate)
        /// Text that is not a date in this order.
        case invalid
    }

    /// Parses `14/03/2022`, `14-03-2022 10:37:52`, `3/14/22 10:37 PM` or ISO `2022-03-14[T10:37:52…]` in this order.
    public func parse(_ text: String) -> Parse {
        guard let parts = DateParts(text) else {
            return text.trimmingCharacters(in: .whitespaces).isEmpty ? .none : .invalid
        }
        if parts.isNullPlaceholder { return .none }
        let (month, day) = parts.iso || self == .dayFirst ? (parts.second, parts.first) : (parts.first, parts.second)
        let date = ParsedDate(
            year: parts.year, month: parts.iso ? parts.first : month, day: parts.iso ? parts.second : day,
            hour: parts.hour, minute: parts.minute, second: parts.secondOfMinute)
        return DateParts.isValid(date) ? .date(date) : .invalid
    }
}
