import Foundation

/// Renders a table for a terminal: aligned columns, numbers to the right, totals under a rule.
///
/// Cells are shown through ``TerminalText``: a line break inside a product name cannot break a row, and escape
/// sequences or bidirectional overrides from the data cannot reach the terminal.
public enum TextTableRenderer {
    /// The table as lines of text. Provenance columns (ejercicio, mes, corte, entidad) stay in the data: on
    /// screen the title says them.
    public static func render(_ table: DataTable, maxColumnWidth: Int = 60) -> String {
        let shownColumns = table.columns.filter { !$0.isProvenance }
        if shownColumns.count < table.columns.count {
            return render(table.selecting(shownColumns.map(\.name)), maxColumnWidth: maxColumnWidth)
        }
        let header = table.columns.map { TerminalText.sanitized($0.name) }
        func shown(_ cell: Cell) -> String {
            let text = TerminalText.sanitized(cell.display)
            return text.count > maxColumnWidth ? String(text.prefix(maxColumnWidth - 1)) + "…" : text
        }
        let body = (table.rows + table.totals).map { $0.map(shown) }
        var widths = header.map(\.count)
        for row in body {
            for (index, value) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], value.count)
            }
        }
        let numeric = table.columns.indices.map { index in
            (table.rows + table.totals).contains { index < $0.count && $0[index].isNumeric }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                let pad = String(repeating: " ", count: max(0, widths[index] - value.count))
                return numeric[index] ? pad + value : value + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [
            TerminalText.sanitized(table.title), line(header),
            widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "),
        ]
        lines += table.rows.map { line($0.map(shown)) }
        if !table.totals.isEmpty {
            lines.append(widths.map { String(repeating: "=", count: $0) }.joined(separator: "  "))
            lines += table.totals.map { line($0.map(shown)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
