import Domain
import Foundation

/// A calendar day in Guatemala time as a day count (days since 1970-01-01), so windows are integer arithmetic.
enum CivilDay {
    static func number(_ date: Date) -> Int {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + ProcurementDate.guatemalaOffsetSeconds
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// The day's text (`2022-06-03`), for evidence rows and dated rules.
    static func text(_ date: Date) -> String {
        let civil = ProcurementDate.civil(date)
        return text(year: civil.year, month: civil.month, day: civil.day)
    }

    /// `2022-06-03` from civil parts, built byte by byte (ten ASCII bytes fit in a small string: no allocation).
    static func text(year: Int, month: Int, day: Int) -> String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            buffer[0] = UInt8(48 + year / 1000 % 10)
            buffer[1] = UInt8(48 + year / 100 % 10)
            buffer[2] = UInt8(48 + year / 10 % 10)
            buffer[3] = UInt8(48 + year % 10)
            buffer[4] = 45
            buffer[5] = UInt8(48 + month / 10)
            buffer[6] = UInt8(48 + month % 10)
            buffer[7] = 45
            buffer[8] = UInt8(48 + day / 10)
            buffer[9] = UInt8(48 + day % 10)
            return 10
        }
    }

    /// 1 (January–April), 2 (May–August) or 3 (September–December).
    static func cuatrimestre(month: Int) -> Int { (month - 1) / 4 + 1 }
}
