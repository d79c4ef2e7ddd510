import Domain
import Foundation

extension PortalSite {
    /// A page per NOG of the period: what `transparencia seguir NOG` prints, section by section.
    func writeNOGs() throws {
        let cache = FollowCache()
        // The checks already ran for this year: the NOG pages reuse them.
        _ = cache.checkResults(year: year) { checkResults }
        for nog in nogs {
            var followScope = scope
            followScope.nog = nog
            let view = try datasets.follow(followScope, cache: cache)
            guard view.found else { continue }
            let path = "nog/\(nog).html"
            var page = page(title: "NOG \(nog)", path: path)
            page.descripcion = view.title
            page.nog = nog
            page.guatecompras = Self.guatecompras(nog)
            let table = view.table
            var order: [String] = []
            for row in table.rows {
                let section = table.cell(row, "seccion").plain
                if !order.contains(section) { order.append(section) }
            }
            page.secciones = order.map { section in
                let rows = table.filtered(title: NOGFollow.heading(section, ejercicio: view.ejercicio)) {
                    table.cell($0, "seccion").plain == section
                }
                var part = PortalSection(id: section, titulo: NOGFollow.heading(section, ejercicio: view.ejercicio))
                part.tablas = [
                    HTMLTable.from(rows, columns: ["campo", "valor", "monto", "participacion", "metodo", "referencia"])
                ]
                return part
            }
            var data = PortalSection(id: "descargas", titulo: "Datos de esta página")
            data.descargas = [try pageData.write(table, as: "nog-\(nog)", label: "Seguimiento del NOG \(nog)")]
            page.secciones.append(data)
            try write(page, template: "nog", path: path)
        }
    }
}
