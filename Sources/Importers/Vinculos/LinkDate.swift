import Foundation

/// Dates as link files write them, to ISO `yyyy-mm-dd`.
///
/// CUR files write month first (`3/15/2022`); input-level execution files write day first (`15/03/2022`);
/// both may write ISO. `01/01/0001` and `0001-01-01` mean "no date".
enum LinkDate {
    enum Order { case monthFirst, dayFirst }

    /// The ISO date, nil for an empty or null date; throws nothing: an unreadable date is reported by the caller.
    static func iso(_ text: String, order: Order) -> Result<String?, LinkDateError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .success(nil) }
        let datePart = String(trimmed.split(separator: " ").first ?? "")
        var year = 0, month = 0, day = 0
        if datePart.contains("-") {
            let parts = datePart.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return .failure(LinkDateError(text: text)) }
            (year, month, day) = (parts[0], parts[1], parts[2])
        } else {
            let texts = datePart.split(separator: "/")
            let parts = texts.compactMap { Int($0) }
            guard parts.count == 3 else { return .failure(LinkDateError(text: text)) }
            (month, day) = order == .monthFirst ? (parts[0], parts[1]) : (parts[1], parts[0])
            // `3/15/22`: a two-digit year is this century; `01/01/0001` stays year 1 (no date).
            year = texts[2].count == 2 ? 2000 + parts[2] : parts[2]
        }
        if year <= 1 { return .success(nil) }
        guard (1...12).contains(month), (1...31).contains(day), (1900...2200).contains(year) else {
            return .failure(LinkDateError(text: text))
        }
        return .success(String(format: "%04d-%02d-%02d", year, month, day))
    }
}

/// A date text that is not a date.
struct LinkDateError: Error {
    var text: String
}
