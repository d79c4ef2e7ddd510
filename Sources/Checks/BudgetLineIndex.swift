import Domain

/// Which evidence rows a budget line fits: codes a row leaves out match anything (``LinkEvidence/matches(_:)``),
/// so each row is reduced to the codes it gives (its mask: a handful of combinations among rows) packed as bytes
/// into one buffer shared by all projections, and each of the year's lines, as it streams past, is projected onto every mask and marks the rows'
/// projections it equals. Scanning the renglón's lines for every row instead, a national year's evidence took
/// minutes; keeping the year's keys and arrays of codes, hundreds of megabytes.
///
/// A line is projected by mixing one hash per code, not by packing strings: packing every line onto every mask
/// was three quarters of the check on a national year (a million lines). Only when its hash is one wanted is it
/// compared with the packed projections under that hash, so a collision costs a comparison, never an answer.
/// Codes come as bytes (``BudgetCodeBytes``), straight from SQLite's rows: a string per code of a million lines
/// and two passes over 300,000 rows was most of what was left.
struct BudgetLineIndex {
    /// One table per mask, in the order rows first asked for them.
    private var masks: [MaskProjections] = []
    /// Each mask's place in `masks`, -1 for masks no row asked for: a lookup per row and line.
    private var positions = [Int](repeating: -1, count: 1 << BudgetCodes.bits)
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

    /// Notes what an evidence row asks for, and gives a ticket that ``gave(_:)`` answers on once the lines are
    /// offered: a row need not be read twice to learn whether a line fit it.
    @discardableResult
    mutating func ask(_ codes: BudgetCodeBytes) -> Int {
        let hashes = BudgetCodeHashes(codes)
        let mask = codes.mask
        if positions[mask] < 0 {
            positions[mask] = masks.count
            masks.append(MaskProjections(mask: mask))
        }
        let position = positions[mask]
        let hash = rehash(hashes.projection(mask))
        let number = Self.spelled(codes, hashes) { masks[position].want($0, hash: hash) }
        return number << BudgetCodes.bits | position
    }

    /// True when a line offered fits the row that got the ticket from ``ask(_:)-(BudgetCodeBytes)``.
    func gave(_ ticket: Int) -> Bool {
        masks[ticket & (1 << BudgetCodes.bits - 1)].gave(ticket >> BudgetCodes.bits)
    }

    /// One of the year's lines: the projections it gives stop being wanted and are found.
    mutating func offer(_ codes: BudgetCodeBytes) {
        sawLines = true
        let hashes = BudgetCodeHashes(codes)
        Self.spelled(codes, hashes) { codes in
            for position in masks.indices where masks[position].waiting {
                masks[position].offer(codes, hash: rehash(hashes.projection(masks[position].mask)))
            }
        }
    }

    /// True when a line offered fits every budget code the row gives.
    func contains(_ codes: BudgetCodeBytes) -> Bool {
        let mask = codes.mask
        guard positions[mask] >= 0 else { return false }
        let hashes = BudgetCodeHashes(codes)
        let hash = rehash(hashes.projection(mask))
        return Self.spelled(codes, hashes) { masks[positions[mask]].contains($0, hash: hash) }
    }

    /// The codes as their strings spell them: SQLite's bytes when all are ASCII (the hashes say), else decoded, so
    /// that invalid UTF-8 packs as a string read from the ledger would. Hashes need no decoding (see
    /// ``BudgetCodeHashes``).
    @inline(__always)
    private static func spelled<Result>(
        _ codes: BudgetCodeBytes, _ hashes: BudgetCodeHashes, _ body: (BudgetCodeBytes) -> Result
    ) -> Result {
        hashes.isASCII ? body(codes) : BudgetCodes(decoding: codes).withBytes(body)
    }

    /// Notes what an evidence row asks for; a row without renglón asks nothing.
    mutating func ask(_ evidence: LinkEvidence) {
        _ = BudgetCodes(evidence)?.withBytes { ask($0) }
    }

    /// One of the year's lines, as a key.
    mutating func offer(_ key: BudgetKey) {
        BudgetCodes(key).withBytes { offer($0) }
    }

    /// True when a line offered fits every budget code the evidence gives; false when it gives no renglón.
    func contains(_ evidence: LinkEvidence) -> Bool {
        BudgetCodes(evidence)?.withBytes { contains($0) } ?? false
    }
}
