import Domain
import Foundation

/// A compact binary form of a row, for staging it outside memory (see ``RowStage``).
///
/// Layout: line (8 bytes), amount flag (1 byte) and centavos (8 bytes), then each value as a 4-byte length
/// and its UTF-8 bytes; integers little-endian. Cheaper than JSON for hundreds of thousands of rows.
extension ComprasFlatRow {
    var payload: Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(17 + values.reduce(0) { $0 + 4 + $1.utf8.count })
        func append(_ value: UInt64, width: Int) {
            for shift in stride(from: 0, to: width * 8, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            }
        }
        append(UInt64(bitPattern: Int64(line)), width: 8)
        bytes.append(amount == nil ? 0 : 1)
        append(UInt64(bitPattern: amount?.centavos ?? 0), width: 8)
        for value in values {
            append(UInt64(value.utf8.count), width: 4)
            bytes.append(contentsOf: value.utf8)
        }
        return Data(bytes)
    }

    /// Decodes ``payload``; nil when the bytes are not a payload of this layout.
    init?(nog: String, payload: Data) {
        let bytes = [UInt8](payload)
        var index = 0
        func read(width: Int) -> UInt64? {
            guard index + width <= bytes.count else { return nil }
            var value: UInt64 = 0
            for offset in 0..<width { value |= UInt64(bytes[index + offset]) << UInt64(offset * 8) }
            index += width
            return value
        }
        guard let line = read(width: 8), let flag = read(width: 1), let centavos = read(width: 8) else { return nil }
        var values: [String] = []
        values.reserveCapacity(ComprasColumn.allCases.count)
        while index < bytes.count {
            guard let length = read(width: 4), index + Int(length) <= bytes.count else { return nil }
            values.append(String(decoding: bytes[index..<index + Int(length)], as: UTF8.self))
            index += Int(length)
        }
        guard values.count == ComprasColumn.allCases.count else { return nil }
        self.init(
            line: Int(Int64(bitPattern: line)), nog: nog, values: values,
            amount: flag == 0 ? nil : Money(centavos: Int64(bitPattern: centavos)))
    }
}
