import Foundation

/// Repairs JSON text whose `\uXXXX` escapes hold lone UTF-16 surrogates (`\udc81`), left by a broken
/// re-encoding in some Guatecompras data: strict decoders reject the whole document for one bad character.
///
/// Each lone surrogate escape becomes `\ufffd` (the replacement character), so the text is flagged visibly
/// and the numbers around it are kept.
public enum JSONSurrogateRepair {
    /// The repaired bytes and how many escapes were replaced, or nil when there was nothing to repair.
    public static func repair(_ bytes: Data) -> (Data, replaced: Int)? {
        let input = [UInt8](bytes)
        var output: [UInt8] = []
        var replaced = 0
        var index = 0
        var copiedUpTo = 0
        func hexValue(at position: Int) -> Int? {
            guard position + 6 <= input.count, input[position] == 0x5C, input[position + 1] == 0x75 else { return nil }
            var value = 0
            for byte in input[position + 2..<position + 6] {
                guard let digit = hexDigit(byte) else { return nil }
                value = value * 16 + digit
            }
            return value
        }
        while index < input.count {
            guard input[index] == 0x5C, index + 1 < input.count else {
                index += 1
                continue
            }
            guard input[index + 1] == 0x75, let value = hexValue(at: index) else {
                index += 2  // another escape (`\\`, `\"`, …): skip both bytes
                continue
            }
            if (0xD800...0xDBFF).contains(value), let low = hexValue(at: index + 6), (0xDC00...0xDFFF).contains(low) {
                index += 12
                continue
            }
            if (0xD800...0xDFFF).contains(value) {
                output.append(contentsOf: input[copiedUpTo..<index])
                output.append(contentsOf: Array("\\ufffd".utf8))
                replaced += 1
                index += 6
                copiedUpTo = index
                continue
            }
            index += 6
        }
        guard replaced > 0 else { return nil }
        output.append(contentsOf: input[copiedUpTo...])
        return (Data(output), replaced)
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}
