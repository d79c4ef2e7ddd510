import Domain
import Foundation
import Synchronization

extension PortalSite {
    /// A page per NOG of the period: what `transparencia seguir NOG` prints, section by section.
    func writeNOGs() throws {
        let cache = FollowCache()
        // The checks already ran for this year: the NOG pages reuse them.
        _ = cache.checkResults(year: year) { checkResults }
        // Following a NOG reads the ledger (one connection, in order); drawing its page and writing its files is
        // independent of every other page, so a batch is drawn on every core while the next batch is followed.
        var pending: [NOGPageBatch.Page] = []
        var drawing: NOGPageBatch?
        defer { drawing?.waitDiscardingErrors() }
        func startNext() throws {
            if let drawing {
                for path in try drawing.wait() { recordPage(path) }
            }
            drawing =
                pending.isEmpty
                ? nil
                : NOGPageBatch(
                    pending, template: "nog", renderer: renderer, site: request.directory, data: pageData.folder)
            pending.removeAll(keepingCapacity: true)
        }
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
            data.descargas = [pageData.planned("nog-\(nog)", label: "Seguimiento del NOG \(nog)")]
            page.secciones.append(data)
            pending.append(NOGPageBatch.Page(page: page, path: path, data: table, dataName: "nog-\(nog)"))
            if pending.count == Self.nogBatch { try startNext() }
        }
        try startNext()  // the last batch
        try startNext()  // waits for it
    }

    /// How many NOG pages are drawn together (two batches at most are held in memory: one drawn, one followed).
    static let nogBatch = 64
}
