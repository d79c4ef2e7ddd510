/// Everything a portal page's template reads: the layout's fields (`pagina`) and the page type's own.
struct PortalPage: Sendable {
    struct NavLink: Sendable {
        var texto: String
        var href: String
        var actual: Bool
    }

    struct Figure: Sendable {
        var nombre: String
        var valor: String
    }

    struct Entry: Sendable {
        var href: String
        var numero: String = ""
        var codigo: String = ""
        var nombre: String
        var resumen: String = ""
    }

    // Layout.
    var titulo: String
    /// The path from the page to the site's root (`""` or `"../"`), so links work from `file://`.
    var raiz: String
    var institucion: String
    var periodo: String
    var navegacion: [NavLink]
    var procedencia: PortalProvenance?
    var unidadResponsable: String
    var contacto: String?
    var actualizado: String
    var actualizadoISO: String
    var version: String

    // Page types.
    var presentacion: String?
    var cifras: [Figure] = []
    var numerales: [Entry] = []
    var direcciones: [Entry] = []
    var textoLegal: String?
    var descripcion: String?
    var guatecompras: String?
    var nog: String?
    var secciones: [PortalSection] = []
}
