/// The first line of each packed budget key of a file: an open-addressing table of ``CompactBudgetKey`` to
/// line number, for duplicate detection over every line of a national execution file.
///
/// A `Dictionary` hashed each 32-byte key with SipHash (a fresh hasher per look-up). Here a key is four words
/// mixed by two full-width multiplications, in two flat arrays (the keys' words, the lines): 36 bytes a slot.
/// (Key and line side by side in one array of five words would touch one place in memory per look-up, but at
/// 40 bytes a slot it raised a national import's peak by 7 MB for no time measurably saved.) A packed key never
/// has a zero first word (its first nibble is a digit of the year, 1…10), so a zero first word marks an empty
/// slot.
struct CompactKeyTable {
    /// Four words per slot.
    private var words: [UInt64]
    private var lines: [Int32]
    private var mask: Int
    private(set) var count = 0

    init() {
        let slots = 16
        words = [UInt64](repeating: 0, count: slots * 4)
        lines = [Int32](repeating: 0, count: slots)
        mask = slots - 1
    }

    /// The line stored for `key`, if any.
    func line(of key: CompactBudgetKey) -> Int32? {
        let slot = find(key.words)
        return words[slot * 4] == 0 ? nil : lines[slot]
    }

    /// Stores `line` for `key` unless the key is already there; returns the line already stored, if any.
    mutating func claim(_ key: CompactBudgetKey, line: Int32) -> Int32? {
        let slot = find(key.words)
        if words[slot * 4] != 0 { return lines[slot] }
        store(key.words, line: line, at: slot)
        return nil
    }

    /// Stores `line` for `key`, replacing what was there.
    mutating func set(_ key: CompactBudgetKey, line: Int32) {
        let slot = find(key.words)
        if words[slot * 4] != 0 {
            lines[slot] = line
        } else {
            store(key.words, line: line, at: slot)
        }
    }

    /// Forgets `key`. Later keys of its probe run move back into the gap (no tombstones), so look-ups still stop
    /// at the first empty slot.
    mutating func remove(_ key: CompactBudgetKey) {
        var gap = find(key.words)
        guard words[gap * 4] != 0 else { return }
        count -= 1
        var next = (gap + 1) & mask
        while words[next * 4] != 0 {
            let home = Self.hash(slotWords(next)) & mask
            // The entry at `next` may fill the gap only if its home is not after the gap in its own probe run.
            if (next - home) & mask >= (next - gap) & mask {
                for word in 0..<4 { words[gap * 4 + word] = words[next * 4 + word] }
                lines[gap] = lines[next]
                gap = next
            }
            next = (next + 1) & mask
        }
        for word in 0..<4 { words[gap * 4 + word] = 0 }
    }

    private func slotWords(_ slot: Int) -> (UInt64, UInt64, UInt64, UInt64) {
        (words[slot * 4], words[slot * 4 + 1], words[slot * 4 + 2], words[slot * 4 + 3])
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: (UInt64, UInt64, UInt64, UInt64)) -> Int {
        var slot = Self.hash(key) & mask
        while true {
            let base = slot * 4
            let first = words[base]
            if first == 0
                || (first == key.0 && words[base + 1] == key.1 && words[base + 2] == key.2 && words[base + 3] == key.3)
            {
                return slot
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func store(_ key: (UInt64, UInt64, UInt64, UInt64), line: Int32, at slot: Int) {
        words[slot * 4] = key.0
        words[slot * 4 + 1] = key.1
        words[slot * 4 + 2] = key.2
        words[slot * 4 + 3] = key.3
        lines[slot] = line
        count += 1
        if count * 4 > lines.count * 3 { grow() }
    }

    /// Doubles the slots (kept at most three quarters full, so probe runs stay short).
    private mutating func grow() {
        let old = (words: words, lines: lines)
        let slots = lines.count * 2
        words = [UInt64](repeating: 0, count: slots * 4)
        lines = [Int32](repeating: 0, count: slots)
        mask = slots - 1
        for slot in 0..<old.lines.count where old.words[slot * 4] != 0 {
            let key = (old.words[slot * 4], old.words[slot * 4 + 1], old.words[slot * 4 + 2], old.words[slot * 4 + 3])
            let free = find(key)
            words[free * 4] = key.0
            words[free * 4 + 1] = key.1
            words[free * 4 + 2] = key.2
            words[free * 4 + 3] = key.3
            lines[free] = old.lines[slot]
        }
    }

    /// Folds the four words with two 64×64→128-bit multiplications (each word xored with a fixed odd constant
    /// first, so equal words in different places do not cancel).
    static func hash(_ key: (UInt64, UInt64, UInt64, UInt64)) -> Int {
        func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let product = a.multipliedFullWidth(by: b)
            return product.high ^ product.low
        }
        let left = fold(key.0 ^ 0xA076_1D64_78BD_642F, key.1 ^ 0xE703_7ED1_A0B4_28DB)
        let right = fold(key.2 ^ 0x8EBC_6AF0_9C88_C6E3, key.3 ^ 0x5899_65CC_7537_4CC3)
        return Int(truncatingIfNeeded: fold(left, right ^ 0x1D8E_4E27_C47D_124F))
    }
}
