import Domain
import Foundation

/// The open-data text of numeric cells (``Cell/plain``) written straight into a byte buffer, with the profile's
/// decimal separator: a national export writes millions of amounts, and building a `String` for each one, then
/// copying its bytes, was a tenth of the export's time.
enum NumberBytes {
    /// Appends a numeric cell's plain text; false (nothing appended) for text and empty cells.
    static func append<Out: ByteAppending>(_ cell: Cell, decimalSeparator: UInt8, into out: inout Out) -> Bool {
        switch cell {
        case .integer(let value):
            appendInteger(value, into: &out)
        case .money(let money):
            appendCentavos(money.centavos, decimalSeparator: decimalSeparator, into: &out)
        case .percent(let value):
            appendFixed(value, decimals: 2, decimalSeparator: decimalSeparator, into: &out)
        case .decimal(let value):
            appendPlain(value, decimalSeparator: decimalSeparator, into: &out)
        case .text, .person, .empty:
            return false
        }
        return true
    }

    /// `-1234`.
    static func appendInteger<Out: ByteAppending>(_ value: Int64, into out: inout Out) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, minimumDigits: 1, into: &out)
    }

    /// `1234.50`, `-0.05`: quetzales, the separator, two digits of centavos.
    static func appendCentavos<Out: ByteAppending>(_ centavos: Int64, decimalSeparator: UInt8, into out: inout Out) {
        if centavos < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = centavos.magnitude
        appendDigits(magnitude / 100, minimumDigits: 1, into: &out)
        out.append(decimalSeparator)
        appendDigits(magnitude % 100, minimumDigits: 2, into: &out)
    }

    /// ``Foundation/Decimal/fixed(decimals:)``'s text. A value with no more places than asked (every percentage
    /// the tables compute) needs no rounding: it is written from its exact units, or else its shortest text is
    /// padded with zeros.
    static func appendFixed<Out: ByteAppending>(
        _ value: Decimal, decimals: Int, decimalSeparator: UInt8, into out: inout Out
    ) {
        guard value.isFinite, value.exponent >= -decimals else {
            appendReplacingPoint(value.fixed(decimals: decimals), decimalSeparator: decimalSeparator, into: &out)
            return
        }
        if let units = units(value, decimals: decimals) {
            appendUnits(units, places: decimals, decimalSeparator: decimalSeparator, into: &out)
            return
        }
        var places = -1
        for byte in value.description.utf8 {
            if byte == UInt8(ascii: ".") {
                out.append(decimalSeparator)
                places = 0
            } else {
                out.append(byte)
                if places >= 0 { places += 1 }
            }
        }
        if places < 0 {
            out.append(decimalSeparator)
            places = 0
        }
        for _ in places..<decimals { out.append(UInt8(ascii: "0")) }
    }

    /// A decimal's own text (`0.7`, `1000`, `-12.345`) from its exact units when they say it unambiguously (an
    /// integer, or a last decimal place that is not zero); through `description` otherwise. A national `vinculos`
    /// export prints a share per link.
    static func appendPlain<Out: ByteAppending>(_ value: Decimal, decimalSeparator: UInt8, into out: inout Out) {
        let places = max(0, -value.exponent)
        guard value.isFinite, places <= 18, let units = units(value, decimals: places), places == 0 || units % 10 != 0
        else {
            appendReplacingPoint("\(value)", decimalSeparator: decimalSeparator, into: &out)
            return
        }
        appendUnits(units, places: places, decimalSeparator: decimalSeparator, into: &out)
    }

    /// `units` of the last of `places` decimal places (`6552`, 2 → `65.52`; `-5`, 3 → `-0.005`; any, 0 → integer).
    static func appendUnits<Out: ByteAppending>(
        _ units: Int64, places: Int, decimalSeparator: UInt8, into out: inout Out
    ) {
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        if units < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(units.magnitude / scale, minimumDigits: 1, into: &out)
        if places > 0 {
            out.append(decimalSeparator)
            appendDigits(units.magnitude % scale, minimumDigits: places, into: &out)
        }
    }

    /// The value in units of its last place (`65.52` with 2 decimals is 6552) when that is an Int64 and gives the
    /// value back exactly; nil otherwise. A Decimal's own text (`description`) cost a microsecond: a quarter of the
    /// writing thread of a national `ejecucion` export, which prints a percentage per line in CSV and JSON.
    static func units(_ value: Decimal, decimals: Int) -> Int64? {
        guard (0...18).contains(decimals) else { return nil }
        var value = value
        var scaled = Decimal()
        guard NSDecimalMultiplyByPowerOf10(&scaled, &value, Int16(decimals), .plain) == .noError else { return nil }
        let units = Int64(truncating: scaled as NSNumber)
        let back = Decimal(
            sign: units < 0 ? .minus : .plus, exponent: -decimals, significand: Decimal(units.magnitude))
        return back == value ? units : nil
    }

    private static func appendReplacingPoint<Out: ByteAppending>(
        _ text: String, decimalSeparator: UInt8, into out: inout Out
    ) {
        for byte in text.utf8 { out.append(byte == UInt8(ascii: ".") ? decimalSeparator : byte) }
    }

    /// The decimal digits of `value`, left-padded with zeros to `minimumDigits`.
    private static func appendDigits<Out: ByteAppending>(_ value: UInt64, minimumDigits: Int, into out: inout Out) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { scratch in
            var rest = value
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0 || scratch.count - start < minimumDigits
            let written = UnsafeRawBufferPointer(rebasing: scratch[start...])
            out.appendBytes(written.assumingMemoryBound(to: UInt8.self))
        }
    }
}
