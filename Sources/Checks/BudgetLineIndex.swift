import Domain

/// Which evidence rows a budget line fits: codes a row leaves out match anything (``LinkEvidence/matches(_:)``),
/// so each row is reduced to the codes it gives (its mask: a handful of combinations among rows) packed into one
/// string, and each of the year's lines, as it streams past, is projected onto every mask and marks the rows'
/// projections it equals. Scanning the renglón's lines for every row instead, a national year's evidence took
/// minutes; keeping the year's keys and arrays of codes, hundreds of megabytes.
///
/// A line is projected by mixing one hash per code, not by packing strings: packing every line onto every mask
/// was three quarters of the check on a national year (a million lines). Only when its hash is one wanted is it
/// compared with the packed projections under that hash, so a collision costs a comparison, never an answer.
struct BudgetLineIndex {
    /// One table per mask, in the order rows first asked for them.
    private var masks: [MaskProjections] = []
    private var positions: [Int: Int] = [:]
    /// Applied to every projection hash; the identity but in tests that make every projection collide.
    private let rehash: (UInt64) -> UInt64
    private(set) var sawLines = false

    init() {
        self.init(rehashing: { $0 })
    }

    /// An index whose projection hashes go through `rehash` first: with one that maps them all alike, every line
    /// is compared with every projection wanted, which must give the same answers.
    init(rehashing rehash: @escaping (UInt64) -> UInt64) {
        self.rehash = rehash
    }

    /// True once a row with a renglón asked.
    var asks: Bool { !masks.isEmpty }

    /// How many projections are held: the distinct ones rows asked for, however many lines were offered.
    var heldProjections: Int { masks.reduce(0) { $0 + $1.count } }

    /// Notes what an evidence row asks for; a row without renglón asks nothing.
    mutating func ask(_ evidence: LinkEvidence) {
        guard let codes = BudgetCodes(evidence) else { return }
        let mask = codes.mask
        let position: Int
        if let known = positions[mask] {
            position = known
        } else {
            position = masks.count
            positions[mask] = position
            masks.append(MaskProjections(mask: mask))
        }
        masks[position].want(codes.packed(mask), hash: rehash(BudgetCodeHashes(codes).projection(mask)))
    }

    /// One of the year's lines: the projections it gives stop being wanted and are found.
    mutating func offer(_ key: BudgetKey) {
        sawLines = true
        let hashes = BudgetCodeHashes(key)
        for position in masks.indices where masks[position].waiting {
            let mask = masks[position].mask
            masks[position].offer(hash: rehash(hashes.projection(mask))) { BudgetCodes(key).packs(mask, as: $0) }
        }
    }

    /// True when a line offered fits every budget code the evidence gives; false when it gives no renglón.
    func contains(_ evidence: LinkEvidence) -> Bool {
        guard let codes = BudgetCodes(evidence), let position = positions[codes.mask] else { return false }
        let mask = codes.mask
        return masks[position].contains(hash: rehash(BudgetCodeHashes(codes).projection(mask))) {
            codes.packs(mask, as: $0)
        }
    }
}
