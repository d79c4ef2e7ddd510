import Foundation

/// Spreadsheet formula injection: Excel and LibreOffice run a cell that starts with `=`, `+`, `-` or `@`
/// (and, through some import paths, a tab or carriage return) as a formula, so a supplier named
/// `=HYPERLINK("http://…")` would become a link. In the `excel` profile such text gets a leading apostrophe,
/// which the spreadsheet shows and keeps as text; numbers are never touched (a negative amount is a number).
enum FormulaGuard {
    /// True when text with these UTF-8 bytes would be run as a formula: it starts with `=`, `+`, `-`, `@`, tab
    /// or CR.
    static func startsFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.first {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: true
        default: false
        }
    }
}
