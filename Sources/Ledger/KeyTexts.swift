import Foundation

/// The texts of a row's key columns, kept as SQLite's bytes: what the sums added up in Swift group by, told apart
/// and ordered byte for byte as SQLite's BINARY collation does in a GROUP BY and ORDER BY (Swift's `String` equality
/// would merge canonically equivalent spellings that SQLite keeps apart). A NULL text is read as empty.
///
/// The texts are one run of bytes with their ends beside it, not an array per text: comparing a key with every row
/// of a national year then retains and releases nothing.
struct KeyTexts: Comparable {
    private var bytes: [UInt8] = []
    /// Where each text ends in `bytes`.
    private var ends: [Int] = []

    /// The `count` texts of the row `row` is on, from column `first`.
    init(_ row: FlagRawStatement, from first: Int32, count: Int) {
        for column in 0..<Int32(count) {
            bytes.append(contentsOf: Self.text(row, first + column))
            ends.append(bytes.count)
        }
    }

    /// Whether the row `row` is on has these texts, from column `first`.
    func matches(_ row: FlagRawStatement, from first: Int32) -> Bool {
        bytes.withUnsafeBufferPointer { stored in
            ends.withUnsafeBufferPointer { ends in
                var start = 0
                for (offset, end) in ends.enumerated() {
                    let text = Self.text(row, first + Int32(offset))
                    guard text.count == end - start else { return false }
                    if let left = stored.baseAddress, let right = text.baseAddress,
                        memcmp(left + start, right, text.count) != 0
                    {
                        return false
                    }
                    start = end
                }
                return true
            }
        }
    }

    /// A column's bytes.
    private func column(_ column: Int) -> ArraySlice<UInt8> {
        bytes[(column == 0 ? 0 : ends[column - 1])..<ends[column]]
    }

    /// A column's text as a `String`.
    func string(_ column: Int) -> String { String(decoding: self.column(column), as: UTF8.self) }

    /// A column's bytes, empty when NULL.
    static func text(_ row: FlagRawStatement, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        row.bytes(column) ?? UnsafeBufferPointer(start: nil, count: 0)
    }

    static func == (left: KeyTexts, right: KeyTexts) -> Bool { left.bytes == right.bytes && left.ends == right.ends }

    /// SQL's `ORDER BY` of the columns: column by column, byte by byte.
    static func < (left: KeyTexts, right: KeyTexts) -> Bool {
        for index in left.ends.indices where left.column(index) != right.column(index) {
            return left.column(index).lexicographicallyPrecedes(right.column(index))
        }
        return false
    }
}
