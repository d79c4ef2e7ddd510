import Domain

/// A budget line's natural key packed into 24 bytes, so duplicate detection can remember every key of a
/// national file (hundreds of thousands of lines) without keeping the lines themselves.
///
/// The codes of a line that reaches duplicate detection are digits (and `-`), so each character fits in
/// four bits: a key with the usual code widths takes 47 of the 48 nibbles. A key that does not fit (longer
/// codes) is not packed; the caller keeps its text instead. The comparison is exact: no hash, no collisions.
struct CompactBudgetKey: Hashable {
    private let w0: UInt64
    private let w1: UInt64
    private let w2: UInt64

    /// Packs a key, or nil when it does not fit in 48 nibbles.
    init?(_ key: BudgetKey) {
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var index = 0
        // Nibble 0 is padding, so `0` and an empty code never pack alike: digits are 1…10, `-` 11, separator 12.
        func push(_ nibble: UInt64) -> Bool {
            guard index < 48 else { return false }
            let shifted = nibble << UInt64((index % 16) * 4)
            switch index / 16 {
            case 0: words.0 |= shifted
            case 1: words.1 |= shifted
            default: words.2 |= shifted
            }
            index += 1
            return true
        }
        for part in Self.parts(of: key) {
            for byte in part.utf8 {
                let nibble: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt64(byte - UInt8(ascii: "0")) + 1
                case UInt8(ascii: "-"): nibble = 11
                default: return nil
                }
                guard push(nibble) else { return nil }
            }
            guard push(12) else { return nil }
        }
        (w0, w1, w2) = words
    }

    /// The key as text, for keys that do not pack.
    static func text(of key: BudgetKey) -> String { parts(of: key).joined(separator: "|") }

    private static func parts(of key: BudgetKey) -> [String] {
        [
            String(key.ejercicio), key.structure.entidad, key.structure.unidadEjecutora, key.structure.programa,
            key.structure.subprograma, key.structure.proyecto, key.structure.actividad, key.structure.obra,
            key.renglon.rawValue, key.fuente, key.ubicacionGeografica,
        ]
    }
}
