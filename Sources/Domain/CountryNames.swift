import Foundation

/// Country names in Spanish (`Catalogs/csv/paises.csv`), by ISO 3166-1 alpha-2 code: what flat exports and NOG
/// pages write in the «NIT o país» cell of a foreign supplier that has no Guatemalan NIT (`COLOMBIA`), so that
/// such a word is never taken for a supplier's identifier.
public struct CountryNames: Sendable {
    private let codes: [String: String]

    /// The list compiled into the tool, read once.
    public static let bundled = CountryNames(rows: CatalogCSV.rows(CatalogText.paises))

    /// A list from rows with `codigo` (ISO alpha-2) and `nombre`.
    public init(rows: [[String: String]]) {
        var codes: [String: String] = [:]
        for row in rows {
            guard let code = row["codigo"], let name = row["nombre"], !code.isEmpty else { continue }
            let key = Self.key(name)
            if !key.isEmpty { codes[key] = codes[key] ?? code }
        }
        self.codes = codes
    }

    /// The ISO code of the country `text` names (`COLOMBIA`, `Colombia`, `EE. UU.`), or nil when it names none.
    /// Case, accents, spaces and punctuation are ignored.
    public func code(for text: String) -> String? { codes[Self.key(text)] }

    /// True when `text` is the name of a country.
    public func contains(_ text: String) -> Bool { code(for: text) != nil }

    /// Upper-case letters and digits only, without accents: `EE. UU.` → `EEUU`, `Perú` → `PERU`.
    static func key(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "es"))
        return String(
            folded.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
