import Foundation

/// Exact quantities stored as text (metas físicas): read back exactly, and an error when the text is not a number.
enum LedgerDecimal {
    static func parse(_ text: String, table: String, row: String, column: String) throws -> Decimal {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        else {
            throw LedgerError.unreadableValue(table: table, row: row, column: column, value: text)
        }
        return value
    }
}
