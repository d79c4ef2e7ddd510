/// The projections onto one mask that evidence rows asked for, and which of them lines gave.
struct MaskProjections {
    let mask: Int
    private var projections = ProjectionTable()

    init(mask: Int) {
        self.mask = mask
    }

    /// True while some projection is still wanted: once none is, lines need not be projected onto the mask.
    var waiting: Bool { projections.waiting > 0 }

    var count: Int { projections.count }

    /// Holds the codes' projection and gives its number.
    mutating func want(_ codes: BudgetCodeBytes, hash: UInt64) -> Int {
        projections.want(codes, mask: mask, hash: hash)
    }

    func gave(_ number: Int) -> Bool { projections.gave(number) }

    /// A line whose projection onto the mask hashes to `hash`: what it equals is found.
    mutating func offer(_ codes: BudgetCodeBytes, hash: UInt64) {
        projections.offer(codes, mask: mask, hash: hash)
    }

    func contains(_ codes: BudgetCodeBytes, hash: UInt64) -> Bool {
        projections.contains(codes, mask: mask, hash: hash)
    }
}
