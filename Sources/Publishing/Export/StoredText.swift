/// Texts read in place from the ledger (SQLite's bytes) as the same values a `String` read through GRDB gives: GRDB
/// reads a text up to its first NUL and repairs invalid UTF-8. Plain ASCII without NUL is that value already and is
/// written as it is; anything else is read as GRDB would.
enum StoredText {
    /// True when the bytes are the text GRDB would read: ASCII, no NUL.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 != 0 && $0 < 0x80 }
    }

    /// The text GRDB reads from these bytes.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// No bytes: an empty text.
    static var empty: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }
}
