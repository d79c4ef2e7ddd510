import Domain
import Foundation

extension HTMLTable {
    /// The HTML view of some columns of a published table, in the order given (unknown names are skipped), with
    /// the table's totals. Values are the terminal's text (`Q1,234.56`, percentages with two decimals).
    /// - Parameters:
    ///   - columns: the column names to show; nil: every column that is not provenance.
    ///   - limit: the most rows to show; the rest are counted in ``omitidas``.
    ///   - link: a link for a cell, by column name and value (a NOG's page).
    static func from(
        _ table: DataTable, caption: String? = nil, columns: [String]? = nil, limit: Int = 2_000,
        link: (String, Publishing.Cell) -> (enlace: String?, externo: Link?)? = { _, _ in nil }
    ) -> HTMLTable {
        let indices: [Int] =
            columns.map { names in names.compactMap { name in table.columns.firstIndex { $0.name == name } } }
            ?? table.columns.indices.filter { !table.columns[$0].isProvenance }
        let headers = indices.map { index in
            Header(texto: ColumnLabel.label(table.columns[index].name), numerico: table.columns[index].kind.isNumeric)
        }
        func row(_ cells: [Publishing.Cell], links: Bool) -> Row {
            Row(
                celdas: indices.map { index in
                    let cell = index < cells.count ? cells[index] : .empty
                    let name = table.columns[index].name
                    let target = links ? link(name, cell) : nil
                    return Cell(
                        texto: PortalText.display(cell, column: table.columns[index]), numerico: cell.isNumeric,
                        enlace: target?.enlace, externo: target?.externo)
                })
        }
        let shown = table.rows.prefix(limit)
        let omitted = table.rows.count - shown.count
        return HTMLTable(
            leyenda: caption ?? table.title, encabezados: headers, filas: shown.map { row($0, links: true) },
            totales: table.totals.map { row($0, links: false) },
            vacio: table.emptyReason.map { "Sin datos: " + $0 } ?? "Sin datos para este período.",
            omitidas: omitted > 0
                ? "Se muestran \(DigitGrouping.grouped(UInt64(shown.count))) de \(DigitGrouping.grouped(UInt64(table.rows.count))) filas; "
                    + "las descargas las tienen todas." : nil)
    }
}

extension DataColumn.Kind {
    var isNumeric: Bool { self == .integer || self == .number }
}
