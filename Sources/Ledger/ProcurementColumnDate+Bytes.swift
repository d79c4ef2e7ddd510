import Domain
import Foundation

extension ProcurementColumnDate {
    /// ``date(_:)`` of a column's bytes: the shape the ledger writes (`2022-06-03T10:15:00-06:00`) is read by
    /// position, anything else through ``ProcurementDate/parse(_:)`` as before. A national year's linked purchases
    /// are 200,000, and a `String` of each date cost more than reading it.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>?) -> Date? {
        guard let bytes else { return nil }
        if let date = written(bytes) { return date }
        return date(String(decoding: bytes, as: UTF8.self))
    }

    /// The date when `bytes` are exactly the written shape with fields ``ProcurementDate/parse(_:)`` accepts (the
    /// same bounds: hour below 24, minute below 60, second below 61); nil to leave the rest to it.
    private static func written(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 25 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? { bytes.decimalNumber(from: from, count: count) }
        guard bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A,
            bytes[19] == 0x2D, bytes[20] == 0x30, bytes[21] == 0x36, bytes[22] == 0x3A, bytes[23] == 0x30,
            bytes[24] == 0x30, let year = number(0, 4),
            let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2), hour < 24,
            let minute = number(14, 2), minute < 60, let second = number(17, 2), second < 61
        else { return nil }
        // `-06:00` is Guatemala's offset, the one ``ProcurementDate/date(year:month:day:hour:minute:second:)``
        // assumes; it refuses what parse refuses (years before 1900, days a month lacks).
        return ProcurementDate.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }
}
