import Foundation
import Mustache
import Testing

@testable import Publishing

/// The portal's views answer Mustache by name (`MustacheParent`) instead of through `Mirror`; a stored property
/// added to a view but not to its `child(named:)` would silently render empty. Every stored property with a value
/// must be answered, with that value.
struct PortalViewNamesTests {
    @Test("pages, sections, downloads, provenance and tables answer every stored property by name")
    func everyPropertyAnswers() {
        let cell = HTMLTable.Cell(texto: "c", enlace: "e", externo: HTMLTable.Link(texto: "x", href: "h"))
        let table = HTMLTable(
            leyenda: "l", encabezados: [HTMLTable.Header(texto: "t", numerico: true)],
            filas: [HTMLTable.Row(celdas: [cell])], totales: [], vacio: "v", omitidas: "o")
        let provenance = PortalProvenance(
            archivos: table, verificaciones: table, sinVincular: "s", cantidadArchivos: "1",
            cantidadVerificaciones: "2")
        var section = PortalSection(id: "s", titulo: "t", parrafos: ["p"], tablas: [table])
        section.descargas = [PortalDownload(page: "nog-1", label: "datos")]
        var page = PortalPage(
            titulo: "t", raiz: "../", institucion: "i", periodo: "p",
            navegacion: [PortalPage.NavLink(texto: "n", href: "h", actual: true)],
            procedencia: provenance,
            unidadResponsable: "u", contacto: "c", actualizado: "a", actualizadoISO: "2022-01-01", version: "v")
        page.presentacion = "p"
        page.cifras = [PortalPage.Figure(nombre: "n", valor: "v")]
        page.numerales = [PortalPage.Entry(href: "h", numero: "5", codigo: "c", nombre: "n", resumen: "r")]
        page.textoLegal = "l"
        page.descripcion = "d"
        page.guatecompras = "g"
        page.nog = "1"
        page.secciones = [section]
        let views: [any MustacheParent] = [
            page, page.navegacion[0], page.cifras[0], page.numerales[0], section, section.descargas[0],
            provenance, table, table.encabezados[0], table.filas[0], cell,
            cell.externo ?? HTMLTable.Link(texto: "", href: ""),
        ]
        for view in views {
            for child in Mirror(reflecting: view).children {
                guard let label = child.label else { continue }
                #expect(view.child(named: label) != nil, "\(type(of: view)).\(label)")
                #expect(
                    String(describing: unwrapped(view.child(named: label)))
                        == String(describing: unwrapped(child.value)), "\(type(of: view)).\(label)")
            }
        }
    }

    @Test("an absent optional answers nil, so Mustache looks further up as it did through Mirror")
    func absentOptionals() {
        let page = PortalPage(
            titulo: "t", raiz: "", institucion: "i", periodo: "p", navegacion: [], procedencia: nil,
            unidadResponsable: "u", contacto: nil, actualizado: "a", actualizadoISO: "2022-01-01", version: "v")
        for name in ["procedencia", "contacto", "presentacion", "textoLegal", "descripcion", "guatecompras", "nog"] {
            #expect(page.child(named: name) == nil, "\(name)")
        }
    }

    private func unwrapped(_ value: Any?) -> Any {
        guard let value else { return "nil" }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrapped($0.value) } ?? "nil"
    }
}
