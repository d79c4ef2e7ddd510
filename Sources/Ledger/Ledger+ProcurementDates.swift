import Domain
import Foundation

/// How procurement dates are stored: ISO 8601 text in Guatemala time, so SQL can sort them and read the
/// local year from the first four characters.
enum ProcurementColumnDate {
    static func text(_ date: Date?) -> String? { date.map(ProcurementDate.isoString) }

    static func date(_ text: String?) -> Date? {
        guard let text, case .date(let date) = ProcurementDate.parse(text) else { return nil }
        return date
    }
}
