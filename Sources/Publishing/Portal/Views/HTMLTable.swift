import Foundation

/// A table as the portal's `tabla` template draws it: every value already text (amounts `Q1,234.56`), escaped
/// by the template, never here.
struct HTMLTable: Sendable {
    struct Header: Sendable {
        var texto: String
        var numerico: Bool
    }

    /// A link beside a cell's text (a NOG's page on Guatecompras).
    struct Link: Sendable {
        var texto: String
        var href: String
    }

    struct Cell: Sendable {
        var texto: String
        var numerico: Bool
        /// A link on the text itself (relative, so the site works from `file://`).
        var enlace: String?
        var externo: Link?

        init(texto: String, numerico: Bool = false, enlace: String? = nil, externo: Link? = nil) {
            self.texto = texto
            self.numerico = numerico
            self.enlace = enlace
            self.externo = externo
        }
    }

    struct Row: Sendable {
        var celdas: [Cell]
    }

    var leyenda: String
    var encabezados: [Header]
    var filas: [Row]
    var totales: [Row]
    /// What an empty table says instead of rows.
    var vacio: String
    /// Said below the table when the page shows only the first rows (the downloads have them all).
    var omitidas: String?
    // Stored, not computed: Mustache reads values through `Mirror`, which sees stored properties only.
    let hayTotales: Bool
    /// How many columns the «sin datos» cell spans.
    let columnas: String

    init(
        leyenda: String, encabezados: [Header], filas: [Row], totales: [Row], vacio: String, omitidas: String? = nil
    ) {
        self.leyenda = leyenda
        self.encabezados = encabezados
        self.filas = filas
        self.totales = totales
        self.vacio = vacio
        self.omitidas = omitidas
        hayTotales = !totales.isEmpty
        columnas = String(max(encabezados.count, 1))
    }
}
