/// Amounts by month (1…12), each month present or not: a budget line's monthly devengado.
///
/// A fixed slot per month rather than a dictionary: a national execution file has half a million lines with a
/// dozen months each, and building, hashing, comparing and freeing a dictionary per line was a visible share of
/// importing and exporting them. Reads like the `[Int: Money]` it replaces: subscript by month, iteration as
/// `(key, value)` pairs (in month order), dictionary literals, and the same JSON shape.
public struct MonthlyAmounts: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// Twelve slots in a tuple (laid out one after the other): `InlineArray` needs macOS 26, the package runs
    /// on macOS 14.
    private var centavos: (Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64) = (
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    )
    /// Bit `month - 1` set when the month has an amount.
    private var present: UInt16 = 0

    public init() {}

    public init(dictionaryLiteral elements: (Int, Money)...) {
        for (month, amount) in elements { self[month] = amount }
    }

    /// The months of a dictionary (every key must be a month, 1…12).
    public init(_ months: [Int: Money]) {
        for (month, amount) in months { self[month] = amount }
    }

    /// The amount of a month (1…12), nil when the month has none (or is no month, as a dictionary would say).
    public subscript(month: Int) -> Money? {
        get {
            guard (1...12).contains(month) else { return nil }
            return present & (1 << (month - 1)) == 0 ? nil : Money(centavos: slot(month - 1))
        }
        set {
            precondition((1...12).contains(month), "mes fuera de 1…12: \(month)")
            let offset = (month - 1) * MemoryLayout<Int64>.stride
            withUnsafeMutableBytes(of: &centavos) {
                $0.storeBytes(of: newValue?.centavos ?? 0, toByteOffset: offset, as: Int64.self)
            }
            if newValue != nil { present |= 1 << (month - 1) } else { present &= ~(1 << (month - 1)) }
        }
    }

    /// The centavos in slot `index` (0 for a month without amount).
    private func slot(_ index: Int) -> Int64 {
        withUnsafeBytes(of: centavos) { $0.load(fromByteOffset: index * MemoryLayout<Int64>.stride, as: Int64.self) }
    }

    public var isEmpty: Bool { present == 0 }
    public var count: Int { present.nonzeroBitCount }
    /// The months that have an amount, in order.
    public var keys: [Int] { map { $0.key } }
    /// The amounts, in month order.
    public var values: [Money] { map { $0.value } }

    /// The amounts transformed, keyed by month.
    public func mapValues<T>(_ transform: (Money) throws -> T) rethrows -> [Int: T] {
        var result: [Int: T] = [:]
        for (month, amount) in self { result[month] = try transform(amount) }
        return result
    }

    public struct Iterator: IteratorProtocol {
        fileprivate let months: MonthlyAmounts
        fileprivate var month = 1

        public mutating func next() -> (key: Int, value: Money)? {
            while month <= 12 {
                defer { month += 1 }
                if let amount = months[month] { return (month, amount) }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(months: self) }

    public static func == (lhs: MonthlyAmounts, rhs: MonthlyAmounts) -> Bool {
        guard lhs.present == rhs.present else { return false }
        for index in 0..<12 where lhs.slot(index) != rhs.slot(index) { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(present)
        for index in 0..<12 { hasher.combine(slot(index)) }
    }
}

extension MonthlyAmounts: Codable {
    /// Encoded as the `[Int: Money]` it replaces, so stored and exchanged JSON keeps its shape.
    public init(from decoder: any Decoder) throws {
        let months = try [Int: Money](from: decoder)
        guard months.keys.allSatisfy((1...12).contains) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "mes fuera de 1…12"))
        }
        self.init(months)
    }

    public func encode(to encoder: any Encoder) throws {
        try mapValues { $0 }.encode(to: encoder)
    }
}

extension MonthlyAmounts: CustomStringConvertible {
    public var description: String { mapValues { $0 }.sorted { $0.key < $1.key }.description }
}
