/// The files behind a table: the open CSV, the JSON and the CSV for Excel, as paths from the site's root.
struct PortalDownload: Sendable {
    var nombre: String
    var csv: String
    var json: String
    var excel: String

    /// A dataset the exporter published into `datos/` (and `datos/excel/`).
    init(dataset name: String, label: String? = nil) {
        nombre = label ?? name
        csv = "datos/\(name).csv"
        json = "datos/\(name).json"
        excel = "datos/excel/\(name).csv"
    }

    /// A table written for one page into `datos/paginas/`.
    init(page name: String, label: String) {
        nombre = label
        csv = "datos/paginas/\(name).csv"
        json = "datos/paginas/\(name).json"
        excel = "datos/paginas/excel/\(name).csv"
    }
}
