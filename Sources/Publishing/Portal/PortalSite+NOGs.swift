import Domain
import Foundation
import Synchronization

extension PortalSite {
    /// A page per NOG of the period: what `transparencia seguir NOG` prints, section by section.
    func writeNOGs() throws {
        let cache = FollowCache()
        // The checks already ran for this year: the NOG pages reuse them.
        _ = cache.checkResults(year: year) { checkResults }
        // Following a NOG reads the ledger (one connection, in order); drawing its page is independent of every
        // other page, so pages are drawn on every core, a batch at a time, once their NOGs are followed.
        var pending: [(page: PortalPage, path: String)] = []
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
            pending.append((page, path))
            if pending.count == Self.nogBatch {
                try write(pending, template: "nog")
                pending.removeAll(keepingCapacity: true)
            }
        }
        try write(pending, template: "nog")
    }

    /// How many NOG pages are drawn together (bounds the pages held in memory).
    static let nogBatch = 64

    /// Draws and writes pages concurrently; the first error, if any, is thrown once all are done.
    func write(_ batch: [(page: PortalPage, path: String)], template: String) throws {
        guard !batch.isEmpty else { return }
        let renderer = renderer
        let directory = request.directory
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            do {
                let url = directory.appendingPathComponent(batch[index].path)
                try PortalFiles.createFolder(url.deletingLastPathComponent())
                try PortalFiles.write(try renderer.render(batch[index].page, template: template), to: url)
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        for entry in batch { recordPage(entry.path) }
    }
}
