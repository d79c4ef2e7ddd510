import Formats
import Foundation

/// The header fields of a NOG page, found by label text in whichever generation of markup the page uses.
struct NOGPageFields {
    /// A field's value cell: its text and the element (for links).
    struct Value {
        var text: String
        var node: HTMLNode
    }

    private(set) var values: [String: Value] = [:]
    private(set) var generation: NOGPageGeneration?

    /// Normalized label keys of the fields the importer reads.
    static let wanted: Set<String> = [
        "nog", "descripcion", "modalidad", "entidad", "unidad compradora", "estatus", "fecha de publicacion",
        "fecha de finalizacion", "fecha de adjudicacion", "fecha de cierre de recepcion de ofertas",
    ]

    /// Generation-A span ids (after the `MasterGC_ContentBlockHolder_` prefix) and the label they stand for.
    static let generationASpans: [(String, String)] = [
        ("txtNOG", "nog"), ("txtTitulo", "descripcion"), ("txtModalidad", "modalidad"), ("txtEntidad", "entidad"),
        ("txtUE", "unidad compradora"), ("txtEstatus", "estatus"), ("txtFechaPub", "fecha de publicacion"),
        ("txtFechaFinalización", "fecha de finalizacion"),
        ("txtFechacierreRecep", "fecha de cierre de recepcion de ofertas"),
    ]

    init(_ page: HTMLDocument) throws {
        // Generation C: label div followed by a value div.
        let labelDivs = try page.select("//div[contains(concat(' ', normalize-space(@class), ' '), ' EtiquetaForm3 ')]")
        for label in labelDivs {
            guard let value = label.nextElementSibling, value.hasClass("EtiquetaInfo") else { continue }
            if record(label.text, value) { generation = generation ?? .c2019 }
        }
        // Generation B: cells alternate label and value inside the detail container.
        if let container = try page.first("//*[@id='MasterGC_ContentBlockHolder_divDetalleConcurso']") {
            let cells = try page.select(".//td", from: container)
            var index = 0
            while index + 1 < cells.count {
                if record(cells[index].text, cells[index + 1]) {
                    generation = generation ?? .b2018
                    index += 2
                } else {
                    index += 1
                }
            }
        }
        // Generation A: rows of two cells, then the span ids themselves.
        if let container = try page.first("//*[@id='MasterGC_ContentBlockHolder_upNog']") {
            for row in try page.select(".//tr", from: container) {
                let cells = row.elementChildren.filter { $0.name == "td" }
                if cells.count == 2, record(cells[0].text, cells[1]) { generation = generation ?? .a2014 }
            }
        }
        for (suffix, key) in Self.generationASpans where values[key] == nil {
            if let span = try page.first("//*[@id='MasterGC_ContentBlockHolder_\(suffix)']") {
                values[key] = Value(text: span.text, node: span)
                generation = generation ?? .a2014
            }
        }
    }

    subscript(key: String) -> Value? { values[key] }

    /// Stores a label's value when the label is one the importer reads; first occurrence wins.
    private mutating func record(_ label: String, _ value: HTMLNode) -> Bool {
        let key = Self.normalize(label)
        guard Self.wanted.contains(key) else { return false }
        if values[key] == nil { values[key] = Value(text: value.text, node: value) }
        return true
    }

    /// `Fecha de publicación:&nbsp;` → `fecha de publicacion`.
    static func normalize(_ label: String) -> String {
        var text = HTMLNode.collapse(label)
        while text.hasSuffix(":") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        return text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "es"))
    }
}
