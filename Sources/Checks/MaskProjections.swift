/// The projections onto one mask that evidence rows asked for: those no line has given yet, and those a line
/// gave.
struct MaskProjections {
    let mask: Int
    private var wanted = ProjectionTable()
    private var found = ProjectionTable()

    init(mask: Int) {
        self.mask = mask
    }

    /// True while some projection is still wanted: once none is, lines need not be projected onto the mask.
    var waiting: Bool { !wanted.isEmpty }

    var count: Int { wanted.count + found.count }

    mutating func want(_ packed: String, hash: UInt64) {
        wanted.insert(packed, hash: hash)
    }

    /// A line whose projection hashes to `hash` and is the packed projection `equals` accepts: what it equals
    /// is found.
    mutating func offer(hash: UInt64, equals: (String) -> Bool) {
        guard let packed = wanted.remove(hash: hash, where: equals) else { return }
        found.insert(packed, hash: hash)
    }

    func contains(hash: UInt64, where equals: (String) -> Bool) -> Bool {
        found.contains(hash: hash, where: equals)
    }
}
