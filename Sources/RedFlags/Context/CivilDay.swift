import Domain
import Foundation

/// A calendar day in Guatemala time as a day count (days since 1970-01-01), so windows are integer arithmetic.
enum CivilDay {
    static func number(_ date: Date) -> Int {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + ProcurementDate.guatemalaOffsetSeconds
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// The day's text (`2022-06-03`), for evidence rows and dated rules.
    static func text(_ date: Date) -> String { ProcurementDate.dayString(date) }

    /// 1 (January–April), 2 (May–August) or 3 (September–December).
    static func cuatrimestre(month: Int) -> Int { (month - 1) / 4 + 1 }
}
