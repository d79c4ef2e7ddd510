import Domain
import Foundation

/// A horizontal bar chart drawn as inline SVG by the `grafico-barras` template: one row per category, one bar
/// per series, lengths proportional to the largest value. Coordinates are computed here; the markup is the
/// template's.
struct BarChart: Sendable {
    struct Series: Sendable {
        var nombre: String
        var clase: String
        var x: String
        var textoX: String
    }

    struct Bar: Sendable {
        var serie: String
        var clase: String
        var x: String
        var y: String
        var ancho: String
        var alto: String
        var valor: String
        var textoX: String
        var textoY: String
    }

    struct Category: Sendable {
        var etiqueta: String
        var etiquetaY: String
        var barras: [Bar]
    }

    var id: String
    var titulo: String
    /// The text alternative: what the chart shows, in words, with its figures.
    var descripcion: String
    var ancho: String
    var alto: String
    var leyenda: [Series]
    var categorias: [Category]
    /// The table the chart was drawn from.
    var datos: HTMLTable

    /// One category of the input: a label and one amount per series.
    struct Input {
        var label: String
        var values: [Money]
        /// Text after each value (`57.37 %`), per series; empty: none.
        var notes: [String] = []
    }

    static let width = 760.0
    private static let labelWidth = 230.0
    private static let valueWidth = 200.0
    private static let barHeight = 14.0

    /// Lays out the chart. Negative amounts draw as empty bars (their value is still written).
    static func make(
        id: String, title: String, description: String, series: [String], inputs: [Input], data: HTMLTable
    ) -> BarChart {
        let maximum = inputs.flatMap(\.values).map(\.centavos).max() ?? 0
        let plot = width - labelWidth - valueWidth
        let rowHeight = Double(series.count) * (barHeight + 4) + 14
        let top = 28.0
        var legendX = labelWidth
        let legend = series.enumerated().map { index, name in
            defer { legendX += 18 + Double(name.count) * 7 + 20 }
            return Series(nombre: name, clase: "serie-\(index + 1)", x: fmt(legendX), textoX: fmt(legendX + 18))
        }
        let categories = inputs.enumerated().map { row, input in
            let y0 = top + Double(row) * rowHeight
            let bars = input.values.enumerated().map { index, value in
                let length = maximum > 0 ? plot * Double(max(value.centavos, 0)) / Double(maximum) : 0
                let y = y0 + Double(index) * (barHeight + 4)
                let note = index < input.notes.count && !input.notes[index].isEmpty ? " (\(input.notes[index]))" : ""
                return Bar(
                    serie: index < series.count ? series[index] : "", clase: "serie-\(index + 1)", x: fmt(labelWidth),
                    y: fmt(y), ancho: fmt(length), alto: fmt(barHeight), valor: value.formatted + note,
                    textoX: fmt(labelWidth + length + 4), textoY: fmt(y + barHeight - 3))
            }
            return Category(etiqueta: truncated(input.label), etiquetaY: fmt(y0 + barHeight - 2), barras: bars)
        }
        return BarChart(
            id: id, titulo: title, descripcion: description, ancho: fmt(width),
            alto: fmt(top + Double(inputs.count) * rowHeight + 4), leyenda: legend, categorias: categories, datos: data)
    }

    /// Labels longer than the label column are cut (the full text is in the table below the chart).
    static func truncated(_ label: String) -> String {
        label.count > 34 ? String(label.prefix(33)) + "…" : label
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
