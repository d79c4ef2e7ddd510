/// A section of a portal page (`seccion` template): a heading, paragraphs, charts, tables and downloads.
struct PortalSection: Sendable {
    var id: String
    var titulo: String
    var parrafos: [String] = []
    var barras: [BarChart] = []
    var lineas: [LineChart] = []
    var tablas: [HTMLTable] = []
    var descargas: [PortalDownload] = [] {
        didSet { hayDescargas = !descargas.isEmpty }
    }
    // Stored, so it is listed with the other properties (PortalViewNamesTests checks each answers by name).
    private(set) var hayDescargas = false
}
