import Foundation

/// Month names as Guatemalan sources write them: `enero`, `ene`, `Septiembre`, `sept`, `set`.
public enum SpanishMonth {
    /// `enero` … `diciembre`.
    public static let names = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre",
    ]

    /// The name of a month (1…12), or nil.
    public static func name(_ month: Int) -> String? {
        (1...12).contains(month) ? names[month - 1] : nil
    }

    /// The month (1…12) a name or abbreviation stands for, whatever its case, accents or trailing dots.
    public static func number(_ text: String) -> Int? {
        let key = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: CharacterSet(charactersIn: ". ").union(.whitespaces))
        if let index = names.firstIndex(of: key) { return index + 1 }
        return abbreviations[key]
    }

    private static let abbreviations: [String: Int] = [
        "ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7, "ago": 8, "sep": 9, "sept": 9,
        "set": 9, "setiembre": 9, "oct": 10, "nov": 11, "dic": 12,
    ]
}
