import Formats
import Foundation

/// How an OCDS file is laid out: one JSON document (package, bare release or record, array) or JSON Lines.
enum OCDSFileShape {
    case document
    case jsonLines

    /// Decides from the name (`.jsonl`, `.ndjson`) or, failing that, from the first line: a complete JSON value
    /// on the first line followed by another value on the next is JSON Lines.
    static func detect(_ url: URL) throws -> OCDSFileShape {
        let ext = url.pathExtension.lowercased()
        if ["jsonl", "ndjson", "jsonlines"].contains(ext) { return .jsonLines }
        let reader = try ChunkedFileReader(url: url, chunkSize: 1 << 16)
        var depth = 0
        var inString = false
        var escaped = false
        var sawValue = false
        var afterFirstLine = false
        var scanned = 0
        while let chunk = try reader.nextChunk() {
            let decided: OCDSFileShape? = chunk.withUnsafeBytes { bytes in
                for byte in bytes {
                    scanned += 1
                    if scanned > 1 << 20 { return .document }
                    if afterFirstLine {
                        if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { continue }
                        return byte == 0x7B || byte == 0x5B ? .jsonLines : .document
                    }
                    if inString {
                        if escaped {
                            escaped = false
                        } else if byte == 0x5C {
                            escaped = true
                        } else if byte == 0x22 {
                            inString = false
                        }
                        continue
                    }
                    switch byte {
                    case 0x22: inString = true
                    case 0x7B, 0x5B:
                        depth += 1
                        sawValue = true
                    case 0x7D, 0x5D: depth -= 1
                    case 0x0A:
                        if sawValue && depth == 0 { afterFirstLine = true } else if sawValue { return .document }
                    default: break
                    }
                }
                return nil
            }
            if let decided { return decided }
        }
        return .document
    }
}
