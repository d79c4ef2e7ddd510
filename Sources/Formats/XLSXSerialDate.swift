import Foundation

/// Converts Excel serial dates (days since 1899-12-30, or 1904-01-01) to ISO text.
enum XLSXSerialDate {
    /// `2022-03-14` or `2022-03-14T10:37:52`, or nil for text that is not a plausible serial number.
    static func iso(_ serialText: String, uses1904: Bool) -> String? {
        // Dates are not amounts: a Double is exact enough for a day and a second.
        guard let serial = Double(serialText), serial >= 0, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        // Days from 1970-01-01: serial 25569 is 1970-01-01 in the 1900 system (which counts the
        // non-existent 1900-02-29, so serials from 61 on line up with 1899-12-30 as day 0).
        let epochDays = uses1904 ? days + 24_107 : days - 25_569
        let components = civil(fromDays: epochDays + seconds / 86_400)
        let remainder = seconds % 86_400
        let date = String(format: "%04d-%02d-%02d", components.year, components.month, components.day)
        guard remainder != 0 else { return date }
        return date + String(format: "T%02d:%02d:%02d", remainder / 3600, remainder % 3600 / 60, remainder % 60)
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
