/// A list of renglón codes ready for ``ExclusionRule/renglon(_:matchesAnyOf:)``'s test, which runs for every
/// renglón of every purchase: with three-letter ASCII codes (all real ones) it compares bytes instead of walking
/// characters, and it answers exactly as that test does.
struct RenglonCodes: Sendable {
    /// How a three-byte code names renglones: its group (`x00`), its subgroup (`xx0`) or itself.
    private enum Width: Sendable {
        case group, subgroup, exact
    }

    private struct Code: Sendable {
        let bytes: (UInt8, UInt8, UInt8)
        let width: Width
    }

    let codes: [String]
    /// The codes as bytes; nil when one is not three printable ASCII characters (then the codes are compared).
    private let fast: [Code]?

    init(_ codes: [String]) {
        self.codes = codes
        var fast: [Code] = []
        for code in codes {
            guard let bytes = Self.bytes(code) else {
                self.fast = nil
                return
            }
            let width: Width =
                bytes.1 == 0x30 && bytes.2 == 0x30 ? .group : bytes.2 == 0x30 ? .subgroup : .exact
            fast.append(Code(bytes: bytes, width: width))
        }
        self.fast = fast
    }

    var isEmpty: Bool { codes.isEmpty }

    /// True when a renglón is named by one of the codes (exact, its subgroup `xx0` or its group `x00`).
    func matches(_ renglon: String) -> Bool {
        guard let fast, let value = Self.bytes(renglon) else {
            return ExclusionRule.renglon(renglon, matchesAnyOf: codes)
        }
        for code in fast {
            switch code.width {
            case .group: if value.0 == code.bytes.0 { return true }
            case .subgroup: if value.0 == code.bytes.0 && value.1 == code.bytes.1 { return true }
            case .exact: if value == code.bytes { return true }
            }
        }
        return false
    }

    /// The three bytes of a text of exactly three printable ASCII characters (each then one `Character`).
    private static func bytes(_ text: String) -> (UInt8, UInt8, UInt8)? {
        var utf8 = text.utf8.makeIterator()
        guard let a = utf8.next(), let b = utf8.next(), let c = utf8.next(), utf8.next() == nil else { return nil }
        func printable(_ byte: UInt8) -> Bool { byte >= 0x20 && byte <= 0x7E }
        guard printable(a), printable(b), printable(c) else { return nil }
        return (a, b, c)
    }
}
