/// The first line of each packed budget key of a file: an open-addressing table of ``CompactBudgetKey`` to
/// line number, for duplicate detection over every line of a national execution file.
///
/// A `Dictionary` hashed each 32-byte key with SipHash (a fresh hasher per look-up). Here a key is four words
/// mixed by two full-width multiplications, and each slot is five words in one flat array (the key, then the
/// line), so a look-up of a key not seen before (most lines) touches one place in memory, not a key array and a
/// value array. A packed key never has a zero first word (its first nibble is a digit of the year, 1…10), so a
/// zero first word marks an empty slot.
struct CompactKeyTable {
    private static let stride = 5
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init() {
        slots = [UInt64](repeating: 0, count: 16 * Self.stride)
        mask = 15
    }

    /// The line stored for `key`, if any.
    func line(of key: CompactBudgetKey) -> Int32? {
        let base = find(key.words) * Self.stride
        return slots[base] == 0 ? nil : Int32(truncatingIfNeeded: slots[base + 4])
    }

    /// Stores `line` for `key` unless the key is already there; returns the line already stored, if any.
    mutating func claim(_ key: CompactBudgetKey, line: Int32) -> Int32? {
        let base = find(key.words) * Self.stride
        if slots[base] != 0 { return Int32(truncatingIfNeeded: slots[base + 4]) }
        store(key.words, line: line, at: base)
        return nil
    }

    /// Stores `line` for `key`, replacing what was there.
    mutating func set(_ key: CompactBudgetKey, line: Int32) {
        let base = find(key.words) * Self.stride
        if slots[base] != 0 {
            slots[base + 4] = UInt64(UInt32(bitPattern: line))
        } else {
            store(key.words, line: line, at: base)
        }
    }

    /// Forgets `key`. Later keys of its probe run move back into the gap (no tombstones), so look-ups still stop
    /// at the first empty slot.
    mutating func remove(_ key: CompactBudgetKey) {
        var gap = find(key.words)
        guard slots[gap * Self.stride] != 0 else { return }
        count -= 1
        var next = (gap + 1) & mask
        while slots[next * Self.stride] != 0 {
            let home = Self.hash(words(at: next)) & mask
            // The entry at `next` may fill the gap only if its home is not after the gap in its own probe run.
            if (next - home) & mask >= (next - gap) & mask {
                for word in 0..<Self.stride { slots[gap * Self.stride + word] = slots[next * Self.stride + word] }
                gap = next
            }
            next = (next + 1) & mask
        }
        for word in 0..<Self.stride { slots[gap * Self.stride + word] = 0 }
    }

    private func words(at slot: Int) -> (UInt64, UInt64, UInt64, UInt64) {
        let base = slot * Self.stride
        return (slots[base], slots[base + 1], slots[base + 2], slots[base + 3])
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func find(_ key: (UInt64, UInt64, UInt64, UInt64)) -> Int {
        var slot = Self.hash(key) & mask
        while true {
            let base = slot * Self.stride
            let first = slots[base]
            if first == 0
                || (first == key.0 && slots[base + 1] == key.1 && slots[base + 2] == key.2 && slots[base + 3] == key.3)
            {
                return slot
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func store(_ key: (UInt64, UInt64, UInt64, UInt64), line: Int32, at base: Int) {
        slots[base] = key.0
        slots[base + 1] = key.1
        slots[base + 2] = key.2
        slots[base + 3] = key.3
        slots[base + 4] = UInt64(UInt32(bitPattern: line))
        count += 1
        if count * 4 > (mask + 1) * 3 { grow() }
    }

    /// Doubles the slots (kept at most three quarters full, so probe runs stay short).
    private mutating func grow() {
        let old = slots
        let oldCount = mask + 1
        mask = oldCount * 2 - 1
        slots = [UInt64](repeating: 0, count: (mask + 1) * Self.stride)
        for slot in 0..<oldCount where old[slot * Self.stride] != 0 {
            let from = slot * Self.stride
            let to = find((old[from], old[from + 1], old[from + 2], old[from + 3])) * Self.stride
            for word in 0..<Self.stride { slots[to + word] = old[from + word] }
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
