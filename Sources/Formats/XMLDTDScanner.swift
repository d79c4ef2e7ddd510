import Foundation

/// Finds a `<!DOCTYPE` in an XML prolog without parsing, so hostile DTDs never reach libxml2.
enum XMLDTDScanner {
    /// The 1-based line of a `<!DOCTYPE` that appears before the root element, or nil.
    ///
    /// Comments and processing instructions of the prolog are skipped; scanning stops at the first
    /// element, since a DOCTYPE cannot follow it. UTF-16 parts are scanned by their ASCII bytes.
    static func doctypeLine(in data: Data) -> Int? {
        let bytes = data.filter { $0 != 0 }.prefix(1 << 20)  // UTF-16 → ASCII-ish; the prolog is short.
        let doctype = Array("<!DOCTYPE".utf8)
        var line = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            if byte == UInt8(ascii: "<") {
                let next = bytes.index(after: index)
                guard next < bytes.endIndex else { return nil }
                if bytes[next] == UInt8(ascii: "?") {
                    index = skip(bytes, from: index, past: Array("?>".utf8), line: &line)
                    continue
                }
                if bytes[next] == UInt8(ascii: "!") {
                    let head = bytes[index...].prefix(doctype.count).map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
                    if head == doctype { return line }
                    index = skip(bytes, from: index, past: Array("-->".utf8), line: &line)
                    continue
                }
                return nil  // the root element: no DOCTYPE can follow
            }
            index = bytes.index(after: index)
        }
        return nil
    }

    private static func skip(_ bytes: Data, from start: Data.Index, past terminator: [UInt8], line: inout Int)
        -> Data.Index
    {
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            if bytes[index...].starts(with: terminator) { return index + terminator.count }
            index += 1
        }
        return index
    }
}
