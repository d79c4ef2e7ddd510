import Domain
import Foundation

/// The instants of a fiscal year (Guatemala time) as the red-flag readers test them.
struct FlagYear: Sendable {
    /// The first instant of the year and of the next.
    let start: Date
    let end: Date

    init(_ ejercicio: Int) {
        start = ProcurementDate.date(year: ejercicio, month: 1, day: 1) ?? .distantPast
        end = ProcurementDate.date(year: ejercicio + 1, month: 1, day: 1) ?? .distantFuture
    }

    /// Whether a date falls in the year (no date never does).
    func contains(_ date: Date?) -> Bool {
        guard let date else { return false }
        return date >= start && date < end
    }
}
