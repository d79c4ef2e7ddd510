import Foundation

/// A renglón (object of expense) of the MINFIN classifier: exactly three digits, leading zeros kept.
public struct Renglon: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The three-digit code, such as `"011"` or `"211"`.
    public let rawValue: String

    /// Accepts a code of exactly three ASCII digits; anything else is not a renglón.
    ///
    /// Looked at as bytes (three digit bytes are three digit characters, and nothing else is): every budget line
    /// and evidence row read is checked, and classifying their characters took 8 % of `evidencia.linea-desconocida`
    /// on a national year.
    public init?(rawValue: String) {
        guard rawValue.utf8.count == 3, rawValue.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        self.rawValue = rawValue
    }

    /// Accepts codes that lost their leading zeros on the way (`62` from a JSON number → `062`).
    public init?(lenient text: String) {
        let trimmed = Whitespace.trimmed(text)
        guard (1...3).contains(trimmed.utf8.count), trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        self.init(rawValue: String(repeating: "0", count: 3 - trimmed.count) + trimmed)
    }

    /// The numeric value of the code (`"029"` → 29).
    public var number: Int { Int(rawValue) ?? 0 }

    /// The expense group: code − code mod 100 (`029` → `000`, `211` → `200`).
    ///
    /// The code's first digit names it: computed from the number, every budget line written or read made the
    /// group's text anew.
    public var grupo: GrupoGasto {
        let hundreds = Int(rawValue.utf8.first ?? 0x30) - 0x30
        return GrupoGasto.all[(0...9).contains(hundreds) ? hundreds : 0]
    }

    /// The subgroup code: code − code mod 10 (`029` → `020`).
    public var subgrupo: String { Self.pad(number - number % 10) }

    public var description: String { rawValue }

    public static func < (lhs: Renglon, rhs: Renglon) -> Bool { lhs.rawValue < rhs.rawValue }

    static func pad(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
}
