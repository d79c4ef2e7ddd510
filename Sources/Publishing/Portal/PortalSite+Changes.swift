import Foundation

extension PortalSite {
    /// The `cambios` page: the exporter's changelog against the previous publication in the same folder.
    func writeChanges() throws {
        var page = page(title: "Cambios desde la publicación anterior", path: "cambios.html")
        var section = PortalSection(id: "cambios", titulo: "Filas agregadas, eliminadas y modificadas")
        if let changes {
            page.presentacion =
                "\(changes) cambio(s) en los datos publicados respecto de la publicación anterior en esta carpeta: "
                + "cada fila dice la tabla, la clave de la fila, el campo y sus valores anterior y nuevo."
            let table = try readChanges()
            section.tablas = [HTMLTable.from(table, limit: 1_000)]
            section.descargas = [PortalDownload(dataset: "cambios", label: "Cambios desde la publicación anterior")]
        } else {
            page.presentacion =
                "Esta es la primera publicación en esta carpeta: no hay una anterior con que comparar. La próxima "
                + "vez que se publique aquí, esta página dirá qué filas cambiaron."
        }
        page.secciones = [section]
        try write(page, template: "cambios", path: "cambios.html")
    }

    /// The exporter's `datos/cambios.json`, back as a table.
    private func readChanges() throws -> DataTable {
        let url = request.directory.appendingPathComponent("datos/cambios.json")
        let objects: [[String: Any]]
        do {
            objects = (try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]]) ?? []
        } catch {
            throw PublishingError.unreadablePrevious(path: url.path, detail: String(describing: error))
        }
        let columns = ChangeWriter.columns
        let rows: [[Cell]] = objects.map { object in
            columns.map { column in
                switch object[column.name] {
                case let text as String: .text(text)
                case let number as NSNumber: .text(number.stringValue)
                default: .empty
                }
            }
        }
        return DataTable(name: "cambios", title: "Cambios desde la publicación anterior", columns: columns, rows: rows)
    }
}
