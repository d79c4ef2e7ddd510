import Foundation
import Mustache

// Pages, sections and downloads answer Mustache by name, as the tables do (HTMLTable+Mustache.swift): every
// name a section or table lacks (`raiz`, `pagina` fields) is looked up again in the page, and mirroring a page
// of thirty fields for each made rendering the NOG pages most of a publication's time. Optionals answer nil
// when absent, as `Mirror` did, so the output is the same.

extension PortalPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "titulo": titulo
        case "raiz": raiz
        case "institucion": institucion
        case "periodo": periodo
        case "navegacion": navegacion
        case "procedencia": procedencia.map { $0 as Any }
        case "unidadResponsable": unidadResponsable
        case "contacto": contacto.map { $0 as Any }
        case "actualizado": actualizado
        case "actualizadoISO": actualizadoISO
        case "version": version
        case "presentacion": presentacion.map { $0 as Any }
        case "cifras": cifras
        case "numerales": numerales
        case "direcciones": direcciones
        case "textoLegal": textoLegal.map { $0 as Any }
        case "descripcion": descripcion.map { $0 as Any }
        case "guatecompras": guatecompras.map { $0 as Any }
        case "nog": nog.map { $0 as Any }
        case "secciones": secciones
        default: nil
        }
    }
}

extension PortalPage.NavLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "texto": texto
        case "href": href
        case "actual": actual
        default: nil
        }
    }
}

extension PortalPage.Figure: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "nombre": nombre
        case "valor": valor
        default: nil
        }
    }
}

extension PortalPage.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "numero": numero
        case "codigo": codigo
        case "nombre": nombre
        case "resumen": resumen
        default: nil
        }
    }
}

extension PortalSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "titulo": titulo
        case "parrafos": parrafos
        case "barras": barras
        case "lineas": lineas
        case "tablas": tablas
        case "descargas": descargas
        case "hayDescargas": hayDescargas
        default: nil
        }
    }
}

extension PortalDownload: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "nombre": nombre
        case "csv": csv
        case "json": json
        case "excel": excel
        default: nil
        }
    }
}

extension PortalProvenance: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "archivos": archivos
        case "verificaciones": verificaciones
        case "sinVincular": sinVincular
        case "cantidadArchivos": cantidadArchivos
        case "cantidadVerificaciones": cantidadVerificaciones
        default: nil
        }
    }
}
