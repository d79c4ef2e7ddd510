import Domain
import Foundation

extension PortalSite {
    func writeIndex() throws {
        var page = page(title: "Información pública de oficio \(periodText)", path: "index.html")
        page.presentacion =
            "\(scope.profile.displayName) publica aquí la información pública de oficio del artículo 10 de la Ley "
            + "de Acceso a la Información Pública, \(periodText). Cada página dice de dónde salen sus datos y ofrece "
            + "descargarlos (CSV, JSON y CSV para Excel)."
        let awarded = try Money.sum(procurements.rows.compactMap { procurements.cell($0, "monto_adjudicado").money })
        func figure(_ name: String, _ cell: Cell, suffix: String = "") -> PortalPage.Figure {
            PortalPage.Figure(nombre: name, valor: cell == .empty ? "sin datos" : cell.display + suffix)
        }
        page.cifras = [
            figure("Presupuesto vigente", byGroup.total("vigente")),
            figure("Devengado", byGroup.total(devengadoColumn(byGroup))),
            figure("Ejecución", byGroup.total("porcentaje_ejecucion"), suffix: " %"),
            PortalPage.Figure(nombre: "Compras (NOG)", valor: DigitGrouping.grouped(UInt64(procurements.rows.count))),
            PortalPage.Figure(nombre: "Monto adjudicado", valor: awarded.formatted),
        ]
        page.numerales = PortalNumeral.allCases.map {
            PortalPage.Entry(href: $0.fileName, numero: String($0.rawValue), nombre: $0.name, resumen: $0.summary)
        }
        page.direcciones = metas.directorates.map {
            PortalPage.Entry(href: "direccion/\(Self.fileName($0.code)).html", codigo: $0.code, nombre: $0.name)
        }
        var charts = PortalSection(id: "graficos", titulo: "Ejecución en gráficos")
        charts.barras = [groupChart(byGroup, id: "grafico-grupos", subject: "")].compactMap { $0 }
        charts.lineas = [monthlyChart(id: "grafico-meses")].compactMap { $0 }
        if let share = try directorateChart(id: "grafico-direcciones") { charts.barras.append(share) }
        if charts.barras.isEmpty && charts.lineas.isEmpty {
            charts.parrafos = ["No hay ejecución ni productos importados para este período."]
        }
        var data = PortalSection(id: "datos", titulo: "Datos abiertos")
        data.parrafos = [
            "Todas las tablas en CSV (UTF-8, coma y punto decimal), JSON y CSV para Excel (punto y coma, coma "
                + "decimal), descritas en datos/datapackage.json (Frictionless Data Package)."
        ]
        data.descargas = Dataset.published.map { PortalDownload(dataset: $0.rawValue, label: $0.summary) }
        page.secciones = [charts, data]
        try write(page, template: "indice", path: "index.html")
    }

    /// A code as a file name: letters, digits, `-` and `_` kept, anything else `_`.
    static func fileName(_ code: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        let name = String(code.map { allowed.contains($0) ? $0 : "_" })
        return name.isEmpty ? "_" : name
    }
}
