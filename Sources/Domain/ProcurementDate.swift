import Foundation

/// Dates as Guatecompras writes them: ISO 8601 in Guatemala's fixed `-06:00` offset (no daylight saving).
///
/// Parsing is done by hand rather than with `ISO8601DateFormatter`: a monthly file holds ~100,000 dates, the
/// formatter is slow and strict about fractional seconds, and the feed mixes `2026-04-01T11:01:29-06:00`,
/// `2026-05-15T04:12:40.149946-06:00` and bare dates. `.NET`'s `DateTime.MinValue` (`0001-01-01…`) and
/// any year before 1900 mean "no date" and parse as nil.
public enum ProcurementDate {
    /// Guatemala's offset from UTC in seconds (−6 h, all year).
    public static let guatemalaOffsetSeconds = -6 * 3600

    /// The earliest year taken as a real date; earlier ones are placeholders such as `0001-01-01`.
    public static let earliestYear = 1900

    /// Outcome of reading a date text.
    public enum Parsed: Sendable, Hashable {
        /// A real date.
        case date(Date)
        /// A placeholder meaning "no date" (`0001-01-01T00:00:00`, year < 1900, empty text).
        case absent
        /// Text that is not an ISO 8601 date.
        case invalid
    }

    /// Reads `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff…]]` with `Z`, `±HH:MM` or no offset (then Guatemala time).
    public static func parse(_ text: String) -> Parsed {
        // Dates read back from the ledger have no spaces: parsed in place, without copying (every listing row
        // reads several).
        let inPlace = text.utf8.withContiguousStorageIfAvailable { stored -> Parsed? in
            let bytes = UnsafeBufferPointer(rebasing: stored.prefix(64))
            return bytes.contains(0x20) ? nil : parse(bytes: bytes)
        }
        if let parsed = inPlace ?? nil { return parsed }
        return Array(text.utf8.prefix(64)).filter { $0 != 0x20 }.withUnsafeBufferPointer { parse(bytes: $0) }
    }

    /// ``parse(_:)`` over at most 64 bytes without spaces.
    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        if bytes.isEmpty { return .absent }
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2) else {
            return .invalid
        }
        var hour = 0
        var minute = 0
        var second = 0
        var offset = guatemalaOffsetSeconds
        if index < bytes.count {
            guard expect(0x54) || expect(0x74), let h = number(2), expect(0x3A), let m = number(2) else {
                return .invalid
            }
            (hour, minute) = (h, m)
            if expect(0x3A) {
                guard let s = number(2) else { return .invalid }
                second = s
                if expect(0x2E) || expect(0x2C) {
                    while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
                }
            }
            if expect(0x5A) || expect(0x7A) {
                offset = 0
            } else if index < bytes.count {
                let sign = bytes[index] == 0x2D ? -1 : 1
                guard bytes[index] == 0x2B || bytes[index] == 0x2D else { return .invalid }
                index += 1
                guard let oh = number(2) else { return .invalid }
                _ = expect(0x3A)
                let om = number(2) ?? 0
                offset = sign * (oh * 3600 + om * 60)
            }
            guard index == bytes.count else { return .invalid }
        }
        if year < earliestYear { return .absent }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60,
            second < 61
        else { return .invalid }
        let seconds = CivilDay.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return .date(Date(timeIntervalSince1970: TimeInterval(seconds - offset)))
    }

    /// A date from its civil parts in Guatemala time (for flat files that give only `dd-mm-yyyy`).
    public static func date(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date? {
        guard year >= earliestYear, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else {
            return nil
        }
        let seconds = CivilDay.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(seconds - guatemalaOffsetSeconds))
    }

    /// `2026-04-01T11:01:29-06:00`: the date in Guatemala time, as the ledger stores it (sortable text whose
    /// first four characters are the local year).
    public static func isoString(_ date: Date) -> String {
        let parts = civil(date)
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T\(pad(parts.hour, 2)):"
            + "\(pad(parts.minute, 2)):\(pad(parts.second, 2))-06:00"
    }

    /// `2026-04-01`: the calendar day in Guatemala time.
    public static func dayString(_ date: Date) -> String {
        let parts = civil(date)
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
    }

    /// The calendar year in Guatemala time (the fiscal year of a publication date).
    public static func year(of date: Date) -> Int { civil(date).year }

    /// Civil parts of a date in Guatemala time.
    public static func civil(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + guatemalaOffsetSeconds
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secondsOfDay = local - days * 86_400
        let (year, month, day) = CivilDay.date(days: days)
        return (year, month, day, secondsOfDay / 3600, secondsOfDay % 3600 / 60, secondsOfDay % 60)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
