import Foundation

/// Spreadsheet formula injection: Excel and LibreOffice run a cell that starts with `=`, `+`, `-` or `@`
/// (and, through some import paths, a tab or carriage return) as a formula, so a supplier named
/// `=HYPERLINK("http://…")` would become a link. In the `excel` profile such text gets a leading apostrophe,
/// which the spreadsheet shows and keeps as text; numbers are never touched (a negative amount is a number).
enum FormulaGuard {
    /// The text with a leading `'` when it would be run as a formula.
    static func neutralized(_ text: String) -> String {
        guard let first = text.utf8.first, triggers.contains(first) else { return text }
        return "'" + text
    }

    /// The bytes that start a formula: `=`, `+`, `-`, `@`, tab, CR.
    static let triggers: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]
}
