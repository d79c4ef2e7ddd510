import Foundation

/// Guatemala's NIT (Número de Identificación Tributaria) and its check digit.
///
/// A NIT is 2 to 12 characters once hyphens, spaces and leading zeros are dropped: digits, then one check
/// character that is a digit or `K`. The check character is modulo 11 over the digits before it, weighted from
/// 2 at the rightmost digit upwards: `c = (11 − Σ dᵢ·wᵢ mod 11) mod 11`, written `K` when `c` is 10 (SAT,
/// *FEL: reglas y validaciones*, NIT del receptor). `576937-K` and `7108-0` are valid; `8977112-0` is not.
public enum NITCheckDigit {
    /// What checking a NIT found.
    public enum Outcome: Hashable, Sendable {
        /// The check character is right.
        case valid
        /// Shaped like a NIT, but the check character should be `expected`.
        case wrongCheckDigit(expected: Character)
        /// Not shaped like a NIT (letters other than a final `K`, too short or too long).
        case malformed
    }

    /// The NIT as compared: uppercase, without spaces, hyphens or leading zeros (`0041714685-k` → `41714685K`).
    public static func compact(_ text: String) -> String {
        let kept = text.uppercased().filter { $0 != " " && $0 != "-" }
        return String(kept.drop { $0 == "0" })
    }

    /// The check character for the digits before it, or nil when `body` is not all ASCII digits.
    public static func checkCharacter(ofBody body: String) -> Character? {
        guard !body.isEmpty, body.allSatisfy(\.isASCIIDigit) else { return nil }
        var sum = 0
        for (offset, character) in body.reversed().enumerated() {
            sum += (character.wholeNumberValue ?? 0) * (offset + 2)
        }
        let check = (11 - sum % 11) % 11
        return check == 10 ? "K" : Character(String(check))
    }

    /// Checks a NIT as a file writes it (hyphen, leading zeros and lowercase `k` accepted).
    public static func check(_ text: String) -> Outcome {
        let nit = compact(text)
        guard (2...12).contains(nit.count), let last = nit.last else { return .malformed }
        let body = String(nit.dropLast())
        guard last == "K" || last.isASCIIDigit, let expected = checkCharacter(ofBody: body) else { return .malformed }
        return expected == last ? .valid : .wrongCheckDigit(expected: expected)
    }
}
