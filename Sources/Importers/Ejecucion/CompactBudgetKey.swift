import Domain

/// A budget line's natural key packed into 32 bytes, so duplicate detection can remember every key of a
/// national file (hundreds of thousands of lines) without keeping the lines themselves.
///
/// The codes of a line that reaches duplicate detection are digits (and `-`), so each character fits in
/// four bits: a key with the usual code widths (fuente, organismo and correlativo included) takes 58 of the 64
/// nibbles. A key that does not fit (longer codes) is not packed; the caller keeps its text instead. The
/// comparison is exact: no hash, no collisions. An absent code packs like an empty one (keys never hold
/// empty codes).
struct CompactBudgetKey: Hashable {
    private let w0: UInt64
    private let w1: UInt64
    private let w2: UInt64
    private let w3: UInt64

    /// Packs a key, or nil when it does not fit in 64 nibbles.
    init?(_ key: BudgetKey) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var index = 0
        // Nibble 0 is padding, so `0` and an empty code never pack alike: digits are 1…10, `-` 11, separator 12.
        func push(_ nibble: UInt64) -> Bool {
            guard index < 64 else { return false }
            let shifted = nibble << UInt64((index % 16) * 4)
            switch index / 16 {
            case 0: words.0 |= shifted
            case 1: words.1 |= shifted
            case 2: words.2 |= shifted
            default: words.3 |= shifted
            }
            index += 1
            return true
        }
        func pushPart(_ part: String) -> Bool {
            for byte in part.utf8 {
                let nibble: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt64(byte - UInt8(ascii: "0")) + 1
                case UInt8(ascii: "-"): nibble = 11
                default: return false
                }
                guard push(nibble) else { return false }
            }
            return push(12)
        }
        /// The year's decimal digits as `String(year)` spells them, without making that string for every line.
        func pushYear(_ year: Int) -> Bool {
            guard year > 0 else { return pushPart(String(year)) }
            var divisor = 1
            while divisor <= year / 10 { divisor *= 10 }
            while divisor > 0 {
                guard push(UInt64(year / divisor % 10) + 1) else { return false }
                divisor /= 10
            }
            return push(12)
        }
        // The parts of `BudgetKey.parts`, in its order, without building that array for every line.
        let structure = key.structure
        guard pushYear(key.ejercicio), pushPart(structure.entidad), pushPart(structure.unidadEjecutora ?? ""),
            pushPart(structure.programa), pushPart(structure.subprograma), pushPart(structure.proyecto),
            pushPart(structure.actividad), pushPart(structure.obra), pushPart(key.renglon.rawValue),
            pushPart(key.fuente ?? ""), pushPart(key.organismo ?? ""), pushPart(key.correlativo ?? ""),
            pushPart(key.ubicacionGeografica ?? "")
        else { return nil }
        (w0, w1, w2, w3) = words
    }

    /// The packed words, for ``CompactKeyTable``.
    var words: (UInt64, UInt64, UInt64, UInt64) { (w0, w1, w2, w3) }

    /// The key as text, for keys that do not pack.
    static func text(of key: BudgetKey) -> String { key.parts.joined(separator: "|") }
}
