import Foundation

/// Undoes the lone UTF-16 surrogates that a broken re-encoding leaves in MINFIN's JSON (`\udc8d`), before the
/// JSON is parsed (a strict parser refuses the whole file for one of them).
///
/// Python's `surrogateescape` writes a byte it could not decode, 0x80–0xFF, as the lone surrogate U+DC80–U+DCFF:
/// `SECRETAR\u00c3\udc8dA` is the doubly-encoded `SECRETARÃ` followed by the byte 0x8D, which Windows-1252
/// leaves undefined. The byte is put back as the character U+0080–U+00FF (`\u008d`), so the name repair can
/// undo the double encoding exactly (`SECRETARÍA`). Any other lone surrogate holds no byte and becomes U+FFFD.
enum CKANByteEscapes {
    /// The JSON text with every lone surrogate escape replaced, and how many there were.
    static func repair(_ bytes: Data) -> (Data, replaced: Int) {
        guard bytes.range(of: Data("\\u".utf8)) != nil else { return (bytes, 0) }
        let input = [UInt8](bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var replaced = 0
        var index = 0
        func escape(at position: Int) -> Int? {
            guard position + 6 <= input.count, input[position] == 0x5C, input[position + 1] == 0x75 else { return nil }
            guard let text = String(bytes: input[position + 2..<position + 6], encoding: .ascii) else { return nil }
            return Int(text, radix: 16)
        }
        while index < input.count {
            let byte = input[index]
            guard byte == 0x5C, index + 1 < input.count else {
                output.append(byte)
                index += 1
                continue
            }
            guard input[index + 1] == 0x75, let value = escape(at: index) else {
                // Another escape (`\\`, `\"`…): copy both bytes so an escaped backslash is not read as a `\u`.
                output.append(contentsOf: input[index...index + 1])
                index += 2
                continue
            }
            if (0xD800...0xDBFF).contains(value), let low = escape(at: index + 6), (0xDC00...0xDFFF).contains(low) {
                output.append(contentsOf: input[index..<index + 12])
                index += 12
                continue
            }
            if (0xD800...0xDFFF).contains(value) {
                replaced += 1
                let replacement =
                    (0xDC80...0xDCFF).contains(value)
                    ? String(format: "\\u%04x", value - 0xDC00) : "\\ufffd"
                output.append(contentsOf: Array(replacement.utf8))
            } else {
                output.append(contentsOf: input[index..<index + 6])
            }
            index += 6
        }
        return (Data(output), replaced)
    }
}
