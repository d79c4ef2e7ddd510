import Foundation

/// A page's bytes turned into UTF-8 for libxml2, in the charset ``HTMLCharset`` decided.
///
/// Bytes that are not text in that charset are harmless inside an HTML comment (they never reach a value), so
/// there they become `?`; anywhere else the page is refused, because guessing would store damaged names over
/// good ones.
enum HTMLText {
    /// The page as UTF-8 and how many undecodable bytes inside comments were replaced.
    struct Decoded {
        var utf8: Data
        var ignoredBytes: Int
    }

    /// Decodes `data` with `decision`.
    /// - Throws: ``FormatsError/htmlUndecodable(file:line:offset:encoding:count:)`` when a byte outside a comment
    ///   is not text in the chosen encoding.
    static func utf8(_ data: Data, decision: HTMLCharset.Decision, file: String) throws -> Decoded {
        if decision.encoding.hasPrefix("UTF-16") {
            let encoding: String.Encoding = decision.encoding == "UTF-16LE" ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(data: data.dropFirst(2), encoding: encoding) else {
                throw FormatsError.htmlUndecodable(
                    file: file, line: 1, offset: 0, encoding: decision.encoding, count: 1)
            }
            return Decoded(utf8: Data(text.utf8), ignoredBytes: 0)
        }
        var replace = Set<Int>()
        if decision.undecodableCount > 0 {
            let comments = commentRanges(data)
            let outside = decision.undecodable.first { offset in !comments.contains { $0.contains(offset) } }
            // Only the first offsets are known: beyond them the page is too damaged to tell where they fall.
            if let offset = outside
                ?? (decision.undecodableCount > decision.undecodable.count ? decision.undecodable.last : nil)
            {
                let line = data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                throw FormatsError.htmlUndecodable(
                    file: file, line: line, offset: offset, encoding: decision.encoding,
                    count: decision.undecodableCount)
            }
            replace = Set(decision.undecodable)
        }
        if decision.encoding == "UTF-8" {
            guard !replace.isEmpty else { return Decoded(utf8: data, ignoredBytes: 0) }
            var bytes = [UInt8](data)
            for offset in replace { bytes[offset] = UInt8(ascii: "?") }
            return Decoded(utf8: Data(bytes), ignoredBytes: replace.count)
        }
        var scalars = String.UnicodeScalarView()
        for (offset, byte) in data.enumerated() {
            scalars.append(replace.contains(offset) ? "?" : SingleByteCharset.scalar(byte, encoding: decision.encoding))
        }
        return Decoded(utf8: Data(String(scalars).utf8), ignoredBytes: replace.count)
    }

    /// The byte ranges of `<!-- … -->` comments (an unterminated one runs to the end, as browsers read it).
    static func commentRanges(_ data: Data) -> [Range<Int>] {
        let bytes = [UInt8](data)
        var ranges: [Range<Int>] = []
        var index = 0
        let open: [UInt8] = Array("<!--".utf8)
        let close: [UInt8] = Array("-->".utf8)
        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            position + pattern.count <= bytes.count && bytes[position..<position + pattern.count].elementsEqual(pattern)
        }
        while index < bytes.count {
            guard bytes[index] == 0x3C, matches(open, at: index) else {
                index += 1
                continue
            }
            var end = index + open.count
            while end < bytes.count && !matches(close, at: end) { end += 1 }
            end = min(bytes.count, end + close.count)
            ranges.append(index..<end)
            index = end
        }
        return ranges
    }
}
