import Domain
import Foundation

extension NOGPageImporter: Importer {
    public var acceptedExtensions: Set<String> { ["html", "htm"] }

    /// Reads one saved page: one procurement, with the page's warnings.
    public func read(_ file: ImportFile, emit: (consuming ImportEvent<Procurement>) throws -> Void) throws
        -> ImportReading
    {
        let page = try read(file.url)
        for diagnostic in page.diagnostics { try emit(.diagnostic(diagnostic)) }
        try emit(.record(page.procurement, at: RecordPosition()))
        let awards =
            page.awardsKnown
            ? "\(page.procurement.awards.count) adjudicación(es), \(page.bidderCount) oferta(s)"
            : "sin sección de adjudicaciones (proveedores desconocidos; se conservan los ya registrados)"
        return ImportReading(
            shape: "página de NOG \(page.generation.displayName), \(page.encoding)", rowsRead: 1,
            notes: ["NOG \(page.procurement.nog): \(awards)"])
    }
}
