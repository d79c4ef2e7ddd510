import Foundation

/// How published CSV files are written: for open-data tools (`abierto`) or for Excel in es-GT (`excel`).
///
/// Both are UTF-8 with CRLF line ends (RFC 4180) and ISO dates; JSON is the same in both.
public enum FormatProfile: String, CaseIterable, Sendable {
    /// UTF-8 without BOM, `,` separator, decimal point, values exactly as in the ledger.
    case abierto
    /// UTF-8 with BOM, `;` separator, decimal comma, and text that a spreadsheet would run as a formula
    /// neutralized with a leading apostrophe.
    case excel

    /// The field separator.
    public var delimiter: UInt8 { self == .excel ? UInt8(ascii: ";") : UInt8(ascii: ",") }

    /// The decimal separator of amounts, decimals and percentages.
    public var decimalSeparator: UInt8 { self == .excel ? UInt8(ascii: ",") : UInt8(ascii: ".") }

    /// True when files start with the UTF-8 byte order mark (Excel reads UTF-8 only with it).
    public var writesByteOrderMark: Bool { self == .excel }

    /// True when text starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` (formula injection).
    public var neutralizesFormulas: Bool { self == .excel }

    /// The line end of every CSV record, header included.
    public static let lineTerminator = "\r\n"
}
