import Domain
import Foundation

/// A line chart of one amount per month (devengado), drawn as inline SVG by the `grafico-lineas` template.
struct LineChart: Sendable {
    struct Mark: Sendable {
        var x: String
        var y: String
        var mes: String
        var abreviatura: String
        var valor: String
        var etiquetaY: String
    }

    var id: String
    var titulo: String
    var descripcion: String
    var ancho: String
    var alto: String
    var ejeX: String
    var ejeY: String
    var finX: String
    var techoY: String
    var techoTextoY: String
    var maximo: String
    var puntos: String
    var marcas: [Mark]
    var datos: HTMLTable

    /// Lays out one point per month given (months 1…12 in order).
    static func make(
        id: String, title: String, description: String, months: [(month: Int, amount: Money)], data: HTMLTable
    ) -> LineChart {
        let width = 760.0, height = 300.0, left = 110.0, right = 20.0, top = 20.0, bottom = 40.0
        let maximum = max(months.map(\.amount.centavos).max() ?? 0, 1)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let marks = months.map { item in
            let x = left + plotWidth * Double(item.month - 1) / 11
            let y = top + plotHeight * (1 - Double(max(item.amount.centavos, 0)) / Double(maximum))
            let name = SpanishMonth.name(item.month) ?? String(item.month)
            return Mark(
                x: BarChart.fmt(x), y: BarChart.fmt(y), mes: name, abreviatura: String(name.prefix(3)),
                valor: item.amount.formatted, etiquetaY: BarChart.fmt(height - bottom + 18))
        }
        return LineChart(
            id: id, titulo: title, descripcion: description, ancho: BarChart.fmt(width), alto: BarChart.fmt(height),
            ejeX: BarChart.fmt(left), ejeY: BarChart.fmt(height - bottom), finX: BarChart.fmt(width - right),
            techoY: BarChart.fmt(top), techoTextoY: BarChart.fmt(top + 4),
            maximo: Money(centavos: maximum).formatted, puntos: marks.map { "\($0.x),\($0.y)" }.joined(separator: " "),
            marcas: marks, datos: data)
    }
}
