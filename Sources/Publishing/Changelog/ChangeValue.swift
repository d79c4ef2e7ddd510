import Foundation

/// How the changelog compares and shows a value: numbers by their value (`1234.50` equals `1234.5`), text as
/// written, empty and null alike.
struct ChangeValue: Hashable {
    /// What is compared.
    var canonical: String
    /// What is shown in `valor_anterior` / `valor_nuevo`.
    var display: String

    init(cell: Cell) {
        switch cell {
        case .text(let text), .person(let text): self.init(text: text, isNumber: false)
        case .empty: self.init(text: "", isNumber: false)
        default: self.init(text: cell.plain, isNumber: true)
        }
    }

    init(published value: FlatJSONObject.Value?) {
        self.init(text: value?.text ?? "", isNumber: value?.isNumber ?? false)
    }

    init(text: String, isNumber: Bool) {
        display = text
        canonical = isNumber ? Self.normalizedNumber(text) : text
    }

    /// `1234.50` → `1234.5`, `100.00` → `100`, `-0.50` → `-0.5`.
    static func normalizedNumber(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed.removeLast() }
        if trimmed.last == "." { trimmed.removeLast() }
        return trimmed == "-0" ? "0" : String(trimmed)
    }
}
