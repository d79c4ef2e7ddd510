import Foundation
import Mustache

// Tables are most of what a page holds (a NOG page's provenance alone has up to 200 rows). Mustache reads a
// plain struct through `Mirror`, and a name a cell lacks (`enlace` is usually nil) is then looked up in every
// enclosing object up to the page, each mirrored again: three such misses per cell made rendering most of the
// portal's time. Answering by name is direct, and an absent link answers `false` — the same output as nil
// (`{{#enlace}}` skipped, `{{^enlace}}` shown) without walking up to the page.

extension HTMLTable: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "leyenda": leyenda
        case "encabezados": encabezados
        case "filas": filas
        case "totales": totales
        case "vacio": vacio
        case "omitidas": omitidas ?? false
        case "hayTotales": hayTotales
        case "columnas": columnas
        default: nil
        }
    }
}

extension HTMLTable.Header: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "texto": texto
        case "numerico": numerico
        default: nil
        }
    }
}

extension HTMLTable.Link: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "texto": texto
        case "href": href
        default: nil
        }
    }
}

extension HTMLTable.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "texto": texto
        case "numerico": numerico
        case "enlace": enlace ?? false
        case "externo": externo ?? false
        default: nil
        }
    }
}

extension HTMLTable.Row: MustacheParent {
    func child(named name: String) -> Any? {
        name == "celdas" ? celdas : nil
    }
}
