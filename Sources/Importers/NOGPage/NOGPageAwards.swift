import Domain
import Formats
import Foundation

/// The awarded suppliers of a NOG page (never the bidders), from whichever generation's award section is present.
struct NOGPageAwards {
    /// One award row as the page shows it.
    struct Line {
        var line: Int
        var nit: String
        var name: String
        var amountText: String
    }

    /// Nil when the page has no award section at all (the tab was not saved): suppliers unknown.
    private(set) var lines: [Line]?
    /// Bidders in the bids table.
    private(set) var bidders: [Line] = []

    init(_ page: HTMLDocument) throws {
        if let accordion = try page.first("//div[contains(@id, 'wcuConsultaConcursoAdjudicaciones_acDocumentos')]") {
            var found: [Line] = []
            let headers = try page.select(
                "./div[contains(concat(' ', normalize-space(@class), ' '), ' accordionCabecera ')]", from: accordion)
            for header in headers {
                guard let row = try page.first(".//tr[td]", from: header) else { continue }
                var cells = row.elementChildren.filter { $0.name == "td" }
                if cells.count >= 5 { cells.removeFirst() }  // the expand icon
                if let line = Self.line(cells, nameAt: 1, amountAt: 3, row: row) { found.append(line) }
            }
            lines = found
        } else if let grid = try page.first("//table[contains(@id, 'gvAdjudicacion')]") {
            lines = try page.select(".//tr[td]", from: grid).compactMap { row in
                Self.line(row.elementChildren.filter { $0.name == "td" }, nameAt: 1, amountAt: 3, row: row)
            }
        } else if let grid = try page.first("//table[@id='MasterGC_ContentBlockHolder_dgProveedores']") {
            lines = try page.select(".//tr[td]", from: grid).compactMap { row in
                // Data rows are TablaFilaMix1/2 (the case of the class varies); the header row is not.
                guard (row.attribute("class") ?? "").lowercased().hasPrefix("tablafilamix") else { return nil }
                return Self.line(row.elementChildren.filter { $0.name == "td" }, nameAt: 1, amountAt: 3, row: row)
            }
        }
        let bidRows = try page.select(
            "//table[contains(@id, 'gvOfertas') or contains(@id, 'GV_Oferentes')]//tr[td]")
        bidders = bidRows.compactMap { row in
            Self.line(row.elementChildren.filter { $0.name == "td" }, nameAt: 1, amountAt: 3, row: row)
        }
    }

    private static func line(_ cells: [HTMLNode], nameAt nameIndex: Int, amountAt amountIndex: Int, row: HTMLNode)
        -> Line?
    {
        guard cells.count > amountIndex else { return nil }
        let nit = cells[0].text
        let name = cells[nameIndex].text
        guard !nit.isEmpty || !name.isEmpty else { return nil }
        return Line(line: row.line, nit: nit, name: name, amountText: cells[amountIndex].text)
    }
}
