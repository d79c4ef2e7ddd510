/// The packed projections onto one mask that evidence rows asked for, by hash, each marked once a line gives it.
/// Which one a hash stands for is always confirmed on the exact projection, so projections that share a hash are
/// all held and a collision never changes an answer.
///
/// Their bytes sit end to end in one buffer and the tables hold their numbers: a national year asks for 90,000
/// projections, and a string each (and moving it from a table of wanted ones to one of found ones) was an
/// allocation apiece.
struct ProjectionTable {
    private var bytes: [UInt8] = []
    /// Where each projection's bytes end; it starts where the one before ends.
    private var ends: [Int] = []
    private var found: [Bool] = []
    /// The first projection under each hash, and the rare others that share it: an array per hash would be an
    /// allocation per projection.
    private var first: [UInt64: Int] = [:]
    private var sharing: [UInt64: [Int]] = [:]
    /// How many projections no line has given yet.
    private(set) var waiting = 0

    var count: Int { ends.count }

    /// Holds the codes' projection, once however many times it is asked for, and gives its number.
    mutating func want(_ codes: BudgetCodeBytes, mask: Int, hash: UInt64) -> Int {
        if let held = held(codes, mask: mask, hash: hash, found: nil) { return held }
        let number = ends.count
        codes.forEachPackedByte(mask) { bytes.append($0) }
        ends.append(bytes.count)
        found.append(false)
        if first[hash] == nil {
            first[hash] = number
        } else {
            sharing[hash, default: []].append(number)
        }
        waiting += 1
        return number
    }

    /// True when a line gave the projection of that number.
    func gave(_ number: Int) -> Bool { found[number] }

    /// A line whose projection is the codes': the projection held that it equals, if any, is found.
    mutating func offer(_ codes: BudgetCodeBytes, mask: Int, hash: UInt64) {
        guard let number = held(codes, mask: mask, hash: hash, found: false) else { return }
        found[number] = true
        waiting -= 1
    }

    /// True when a line gave the codes' projection.
    func contains(_ codes: BudgetCodeBytes, mask: Int, hash: UInt64) -> Bool {
        held(codes, mask: mask, hash: hash, found: true) != nil
    }

    /// The projection held under the hash that the codes' projection equals, when it is `found` (either, if nil).
    /// Written out rather than with closures: a closure holding the table retained and released its arrays on every
    /// line.
    private func held(_ codes: BudgetCodeBytes, mask: Int, hash: UInt64, found wanted: Bool?) -> Int? {
        guard let number = first[hash] else { return nil }
        if wanted == nil || found[number] == wanted, packs(codes, mask, number) { return number }
        guard let others = sharing[hash] else { return nil }
        for other in others where wanted == nil || found[other] == wanted {
            if packs(codes, mask, other) { return other }
        }
        return nil
    }

    private func packs(_ codes: BudgetCodeBytes, _ mask: Int, _ number: Int) -> Bool {
        let start = number == 0 ? 0 : ends[number - 1]
        return bytes.withUnsafeBufferPointer {
            codes.packs(mask, as: UnsafeBufferPointer(rebasing: $0[start..<ends[number]]))
        }
    }
}
