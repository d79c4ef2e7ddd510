import Foundation

/// Gives repeated texts (names, labels, statuses, codes) one shared `String`, made from SQLite's bytes only the
/// first time: a national year repeats a few thousand unit names and tens of thousands of supplier names hundreds
/// of thousands of times, and each new `String` longer than 15 bytes is an allocation (and a release at the end).
struct FlagTextInterner {
    private var table: [Int: [String]] = [:]

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>?) -> String? {
        guard let bytes else { return nil }
        // Up to 15 UTF-8 bytes a String is stored inline: nothing to share.
        if bytes.count <= 15 { return String(decoding: bytes, as: UTF8.self) }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let hash = hasher.finalize()
        if let bucket = table[hash] {
            for text in bucket where Self.equal(text, bytes) { return text }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        table[hash, default: []].append(text)
        return text
    }

    /// Byte equality with `memcmp` (iterating a String's UTF-8 view element by element is much slower).
    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { stored in
            guard stored.count == bytes.count else { return false }
            guard let left = stored.baseAddress, let right = bytes.baseAddress else { return stored.count == 0 }
            return memcmp(left, right, stored.count) == 0
        }
    }
}
