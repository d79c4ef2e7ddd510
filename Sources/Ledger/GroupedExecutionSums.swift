import Foundation

/// Current budget lines added up by the texts of some key columns as they are stepped, in any order, holding only
/// the groups (a national year's fifty renglones or two thousand activities, never its million lines).
///
/// Keys are told apart and ordered byte for byte (``KeyTexts``); a NULL key text counts as empty (the grouping by
/// activity reads the unidad ejecutora as `ifnull(unidad_ejecutora, '')`).
struct GroupedExecutionSums {
    /// One group: its key texts, its sums, and one of its lines.
    struct Group {
        var key: KeyTexts
        var sums: ExecutionSums
        /// The `budget_line.id` of the first line added: the group's lines share its key columns.
        var line: Int64
    }

    /// A key's texts in one run of bytes (each text's length, then its bytes), hashed as raw bytes in one call.
    private struct ByteKey: Hashable {
        var bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// Where a row holds the key texts, the line's id and its amounts.
    struct Columns {
        /// The first key text's column, and how many texts the key has.
        var key: Int32
        var keyCount: Int
        /// The line's `budget_line.id`.
        var line: Int32
        /// The seven amounts, and whether the line has no month followed by the months (``LineAmounts``).
        var amounts: Int32
        var months: Int32

        /// The key texts first, then the id, then ``ExecutionSums/columns(_:)``: as the totals' own scan selects.
        static func keyFirst(_ keyCount: Int) -> Columns {
            let id = Int32(keyCount)
            return Columns(key: 0, keyCount: keyCount, line: id, amounts: id + 1, months: id + 8)
        }
    }

    let columns: Columns
    /// The groups, in the order first met.
    private(set) var groups: [Group] = []
    /// Each group's position by its key's bytes.
    private var positions: [ByteKey: Int] = [:]
    /// The group of the previous row: a year's lines come in file or key order, so most rows join their
    /// neighbour's group, found without hashing.
    private var previous: Int?
    /// The key being looked up, reused from row to row.
    private var scratch = ByteKey(bytes: [])
    /// The amounts being added, reused from row to row.
    private var amounts = LineAmounts()

    init(_ columns: Columns) {
        self.columns = columns
    }

    /// True when a group's sum left 64-bit centavos.
    var overflowed: Bool { groups.contains { $0.sums.overflow != nil } }

    /// Adds the row `row` is on, read at ``columns``. Returns its group's position in ``groups``.
    @discardableResult
    mutating func add(_ row: FlagRawStatement) -> Int {
        amounts.read(row, amounts: columns.amounts, months: columns.months)
        return add(row, amounts: amounts)
    }

    /// Adds the row `row` is on with its amounts already read (by whoever adds it to other sums too).
    @discardableResult
    mutating func add(_ row: FlagRawStatement, amounts: LineAmounts) -> Int {
        let position = group(of: row)
        groups[position].sums.add(amounts)
        previous = position
        return position
    }

    /// The group of the row's key, created when new.
    private mutating func group(of row: FlagRawStatement) -> Int {
        if let previous, groups[previous].key.matches(row, from: columns.key) { return previous }
        scratch.bytes.removeAll(keepingCapacity: true)
        for column in columns.key..<columns.key + Int32(columns.keyCount) {
            let bytes = KeyTexts.text(row, column)
            withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { scratch.bytes.append(contentsOf: $0) }
            scratch.bytes.append(contentsOf: bytes)
        }
        if let position = positions[scratch] { return position }
        let key = KeyTexts(row, from: columns.key, count: columns.keyCount)
        groups.append(Group(key: key, sums: ExecutionSums(), line: row.int64(columns.line)))
        positions[scratch] = groups.count - 1
        return groups.count - 1
    }

    /// The groups, with their positions in ``groups``, ordered as SQL's `ORDER BY` of the key columns orders them:
    /// column by column, byte by byte.
    func sorted() -> [(position: Int, group: Group)] {
        groups.enumerated().map { (position: $0.offset, group: $0.element) }.sorted { $0.group.key < $1.group.key }
    }
}
