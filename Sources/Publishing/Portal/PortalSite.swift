import Checks
import Domain
import Foundation
import Ledger

/// One build of the portal: the tables every page shares, read once, and the pages written from them. Used
/// from one thread.
final class PortalSite {
    let datasets: Datasets
    let scope: DatasetScope
    let year: Int
    let request: PortalRequest
    let renderer: PortalRenderer
    var pageData: PageDataWriter
    /// Changes since the previous publication (nil on the first).
    let changes: Int?
    /// Pages written so far, as paths from the site's folder.
    private(set) var pages: [String] = []

    // Tables shared by several pages.
    let byGroup: DataTable
    let byRenglon: DataTable
    let byActivity: DataTable
    let products: DataTable
    let procurements: DataTable
    let awards: DataTable
    let links: DataTable
    let unlinked: DataTable
    let byMonth: DataTable
    let byProduct: DataTable
    let checkResults: [CheckResult]
    let metas: Metas
    /// The NOGs that get a page of their own (the scope's purchases).
    let nogs: [String]
    private(set) var provenance: PortalProvenance?

    init(datasets: Datasets, scope: DatasetScope, year: Int, request: PortalRequest, changes: Int?) throws {
        self.datasets = datasets
        self.scope = scope
        self.year = year
        self.request = request
        self.changes = changes
        renderer = try PortalRenderer()
        pageData = try PageDataWriter(site: request.directory)
        byGroup = try datasets.table(.ejecucionPorGrupo, scope: scope)
        byRenglon = try datasets.table(.ejecucionPorRenglon, scope: scope)
        byActivity = try datasets.table(.ejecucionPorActividad, scope: scope)
        products = try datasets.table(.productos, scope: scope)
        procurements = try datasets.table(.compras, scope: scope)
        awards = try datasets.table(.adjudicaciones, scope: scope)
        links = try datasets.table(.vinculos, scope: scope)
        unlinked = try datasets.table(.comprasSinVincular, scope: scope)
        byMonth = try datasets.table(.conciliacionPorMes, scope: scope)
        byProduct = try datasets.table(.conciliacionPorProducto, scope: scope)
        checkResults = try datasets.checkResults(scope)
        let (entidad, unidad) = scope.sicoinFilter
        metas = try datasets.ledger.metas(ejercicio: year, entidad: entidad, unidadEjecutora: unidad)
        var seen = Set<String>()
        let listing = procurements
        nogs = listing.rows.map { listing.cell($0, "nog").plain }.filter { !$0.isEmpty && seen.insert($0).inserted }
        provenance = try makeProvenance()
    }

    /// Writes the style sheet and every page.
    func writeAll() throws {
        try PortalFiles.write(try renderer.styleSheet(), to: request.directory.appendingPathComponent("estilo.css"))
        try writeIndex()
        try writeNumeral5()
        try writeNumeral7()
        try writeNumeral8()
        try writeProcurementNumeral(.cotizacionYLicitacion)
        try writeProcurementNumeral(.comprasDirectas)
        try writeDirectorates()
        try writeNOGs()
        try writeChanges()
    }

    /// A page with the layout's fields filled in.
    func page(title: String, path: String) -> PortalPage {
        let depth = path.split(separator: "/").count - 1
        let root = String(repeating: "../", count: depth)
        let profile = scope.profile
        var navigation = [PortalPage.NavLink(texto: "Inicio", href: "index.html", actual: path == "index.html")]
        navigation += PortalNumeral.allCases.map {
            PortalPage.NavLink(texto: "Numeral \($0.rawValue)", href: $0.fileName, actual: path == $0.fileName)
        }
        navigation.append(PortalPage.NavLink(texto: "Cambios", href: "cambios.html", actual: path == "cambios.html"))
        return PortalPage(
            titulo: title, raiz: root, institucion: profile.nombre.isEmpty ? profile.displayName : profile.nombre,
            periodo: periodText,
            navegacion: navigation, procedencia: provenance,
            unidadResponsable: profile.unidadResponsable.isEmpty
                ? "Unidad de Información Pública" : profile.unidadResponsable,
            contacto: profile.contacto.isEmpty ? nil : profile.contacto,
            actualizado: PortalText.spanishDate(request.created),
            actualizadoISO: PortalText.isoDate(request.created), version: request.toolVersion)
    }

    var periodText: String { PortalText.period(year: year, month: scope.month) }

    /// Renders a page with its type's template and writes it.
    func write(_ page: PortalPage, template: String, path: String) throws {
        let url = request.directory.appendingPathComponent(path)
        try PortalFiles.createFolder(url.deletingLastPathComponent())
        try PortalFiles.write(try renderer.render(page, template: template), to: url)
        pages.append(path)
    }

    /// Counts a page written elsewhere (the NOG pages, drawn concurrently).
    func recordPage(_ path: String) {
        pages.append(path)
    }

    /// Links a table's `nog` cells to the NOG's page and to Guatecompras.
    func nogLinks(root: String) -> (String, Cell) -> (enlace: String?, externo: HTMLTable.Link?)? {
        let pages = Set(nogs)
        return { name, cell in
            guard name == "nog", case .text(let nog) = cell, Procurement.isValidNOG(nog) else { return nil }
            return (
                enlace: pages.contains(nog) ? "\(root)nog/\(nog).html" : nil,
                externo: HTMLTable.Link(texto: "Guatecompras", href: Self.guatecompras(nog))
            )
        }
    }

    /// The NOG's public page on Guatecompras.
    static func guatecompras(_ nog: String) -> String {
        "https://www.guatecompras.gt/concursos/consultaConcurso.aspx?nog=" + nog
    }
}
