/// Packed projections by hash. Which one a hash stands for is always confirmed on the exact projection (the
/// `equals` given), so projections that share a hash are all held and a collision never changes an answer.
struct ProjectionTable {
    /// The first projection under each hash, and the rare others that share it: an array per hash would be an
    /// allocation per projection.
    private var first: [UInt64: String] = [:]
    private var sharing: [UInt64: [String]] = [:]
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Holds a projection, once however many times it comes.
    mutating func insert(_ packed: String, hash: UInt64) {
        if let held = first[hash] {
            guard held != packed, sharing[hash]?.contains(packed) != true else { return }
            sharing[hash, default: []].append(packed)
        } else {
            first[hash] = packed
        }
        count += 1
    }

    /// True when a projection held under the hash is the one `equals` accepts.
    func contains(hash: UInt64, where equals: (String) -> Bool) -> Bool {
        guard let held = first[hash] else { return false }
        return equals(held) || sharing[hash]?.contains(where: equals) == true
    }

    /// Lets go of the projection held under the hash that `equals` accepts, and returns it.
    mutating func remove(hash: UInt64, where equals: (String) -> Bool) -> String? {
        guard let held = first[hash] else { return nil }
        if equals(held) {
            var others = sharing.removeValue(forKey: hash) ?? []
            first[hash] = others.popLast()
            if !others.isEmpty { sharing[hash] = others }
            count -= 1
            return held
        }
        guard let position = sharing[hash]?.firstIndex(where: equals) else { return nil }
        let removed = sharing[hash]?.remove(at: position)
        if sharing[hash]?.isEmpty == true { sharing[hash] = nil }
        count -= 1
        return removed
    }
}
