/// A set of line numbers as a bitmap: one bit per line, so a file with ten million rejected lines costs about a
/// megabyte instead of the hundreds a `Set<Int>` would.
public struct LineSet: Sendable {
    private var words: [UInt64] = []
    /// How many lines are in the set.
    public private(set) var count = 0

    public init() {}

    /// Adds a line; true when it was not there yet.
    @discardableResult
    public mutating func insert(_ line: Int) -> Bool {
        guard line >= 0 else { return false }
        let (word, bit) = (line >> 6, UInt64(1) << UInt64(line & 63))
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        count += 1
        return true
    }

    public func contains(_ line: Int) -> Bool {
        guard line >= 0 else { return false }
        let word = line >> 6
        return word < words.count && words[word] & (UInt64(1) << UInt64(line & 63)) != 0
    }
}
