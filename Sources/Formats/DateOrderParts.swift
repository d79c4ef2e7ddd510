import Foundation

/// The numbers of a written date before its order is known: `first/second/year [hh:mm[:ss] [AM|PM]]`.
struct DateParts {
    var first: Int
    var second: Int
    var year: Int
    var hour: Int?
    var minute: Int?
    var secondOfMinute: Int?
    /// `yyyy-mm-dd`: first is the month, second the day, whatever the file's order.
    var iso = false

    /// `01/01/0001` and `0001-01-01` stand for "no date" in Guatemalan exports.
    var isNullPlaceholder: Bool { year <= 1 }

    init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        let datePart = text.prefix { $0 != " " && $0 != "T" }
        let rest = text.dropFirst(datePart.count).trimmingCharacters(in: CharacterSet(charactersIn: " T"))
        let numbers = datePart.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
            let a = Int(numbers[0]), let b = Int(numbers[1]), let c = Int(numbers[2])
        else { return nil }
        if numbers[0].count == 4 {
            (first, second, year, iso) = (b, c, a, true)
        } else {
            guard numbers[2].count == 4 || numbers[2].count == 2 else { return nil }
            (first, second) = (a, b)
            year = numbers[2].count == 2 ? (c < 70 ? 2000 + c : 1900 + c) : c
        }
        guard !rest.isEmpty else { return }
        guard let time = Self.time(rest) else { return nil }
        (hour, minute, secondOfMinute) = time
    }

    /// `10:37:52`, `10:37`, `10:37:52 p.m.`, `3:41 PM`; ISO offsets and fractions after the seconds are ignored.
    private static func time(_ text: String) -> (Int, Int, Int)? {
        let lower = text.lowercased()
        let digits = lower.prefix { $0.isNumber || $0 == ":" }
        let suffix = lower.dropFirst(digits.count).replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: ".", with: "")
        let fields = digits.split(separator: ":").compactMap { Int($0) }
        guard (2...3).contains(fields.count) else { return nil }
        var hour = fields[0]
        if suffix.hasPrefix("pm") || suffix.hasPrefix("am") {
            guard (1...12).contains(hour) else { return nil }
            if suffix.hasPrefix("pm") && hour < 12 { hour += 12 }
            if suffix.hasPrefix("am") && hour == 12 { hour = 0 }
        } else if !(suffix.isEmpty || suffix.first == "+" || suffix.first == "-" || suffix.first == "z"
            || suffix.first?.isNumber == true)
        {
            return nil
        }
        let second = fields.count == 3 ? fields[2] : 0
        guard (0...23).contains(hour), (0...59).contains(fields[1]), (0...60).contains(second) else { return nil }
        return (hour, fields[1], second)
    }

    /// True when the day exists in that month (leap years included).
    static func isValid(_ date: DateOrder.ParsedDate) -> Bool {
        guard (1...12).contains(date.month), date.day >= 1, (1000...9999).contains(date.year) else { return false }
        let leap = date.year % 4 == 0 && (date.year % 100 != 0 || date.year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return date.day <= lengths[date.month - 1]
    }
}
