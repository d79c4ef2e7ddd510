import Domain

/// A budget line's natural key packed into 32 bytes, so duplicate detection can remember every key of a
/// national file (hundreds of thousands of lines) without keeping the lines themselves.
///
/// The codes of a line that reaches duplicate detection are digits (and `-`), so each character fits in
/// four bits; a key too long to pack (unusual code widths) keeps its full text instead. Either way the
/// comparison is exact: no hash, no collisions.
struct CompactBudgetKey: Hashable {
    private var w0: UInt64 = 0
    private var w1: UInt64 = 0
    private var w2: UInt64 = 0
    private var w3: UInt64 = 0
    /// The whole key as text, only when it does not fit in the four words.
    private var overflow: String?

    init(_ key: BudgetKey) {
        let parts = [
            String(key.ejercicio), key.entidad, key.unidadEjecutora, key.programa, key.subprograma, key.proyecto,
            key.actividad, key.obra, key.renglon.rawValue, key.fuente, key.ubicacionGeografica,
        ]
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var index = 0
        var packable = true
        // Nibble 0 is padding, so `0` and an empty code never pack alike: digits are 1…10, `-` 11, separator 12.
        func push(_ nibble: UInt64) {
            guard index < 64 else { packable = false; return }
            let shifted = nibble << UInt64((index % 16) * 4)
            switch index / 16 {
            case 0: words.0 |= shifted
            case 1: words.1 |= shifted
            case 2: words.2 |= shifted
            default: words.3 |= shifted
            }
            index += 1
        }
        for part in parts {
            for byte in part.utf8 {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): push(UInt64(byte - UInt8(ascii: "0")) + 1)
                case UInt8(ascii: "-"): push(11)
                default: packable = false
                }
            }
            push(12)
        }
        if packable {
            (w0, w1, w2, w3) = words
        } else {
            overflow = parts.joined(separator: "|")
        }
    }
}
