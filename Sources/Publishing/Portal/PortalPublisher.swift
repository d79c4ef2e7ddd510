import Domain
import Foundation
import Ledger
import Synchronization

/// Publishes the LAIP portal: a static site (HTML, CSS and inline SVG, no scripts, no external resources) with
/// the información pública de oficio of Art. 10 numerals 5, 7, 8, 20 and 22, a page per directorate and per
/// NOG, the changes since the previous publication and the provenance of the data on every page.
///
/// The downloads are the exporter's files: ``DatasetExporter`` writes every table into `datos/` (open profile,
/// with `datapackage.json` and, when `datos/` already holds a publication, `cambios`) and `datos/excel/`
/// (Excel profile); tables only one page shows go to `datos/paginas/`. Pages link with relative paths, so the
/// folder works from `file://` and from any web server.
public struct PortalPublisher: Sendable {
    public let datasets: Datasets

    public init(datasets: Datasets) {
        self.datasets = datasets
    }

    /// Builds the site.
    /// - Throws: ``PublishingError/personalData(findings:total:)`` when the exporter refuses personal data
    ///   (nothing is published), other ``PublishingError``s and ``LedgerError``s as tables raise them.
    public func run(_ request: PortalRequest) throws -> PortalSummary {
        var scope = request.scope
        let newestMetas = try datasets.ledger.metasYears().first
        guard let year = scope.year ?? scope.profile.ejercicio ?? newestMetas else {
            throw PublishingError.portalWithoutYear
        }
        scope.year = year
        var datasets = datasets
        datasets.knownCheckResults = try datasets.checkResults(scope)
        datasets.tableCache = DatasetTableCache()
        let data = request.directory.appendingPathComponent("datos")
        let excelData = data.appendingPathComponent("excel")
        try PortalFiles.createFolder(excelData)
        func previous(_ folder: URL) -> URL? {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("compras.json").path) ? folder : nil
        }
        let exporter = DatasetExporter(datasets: datasets)
        let requests = [
            ExportRequest(
                scope: scope, directory: data, since: previous(data), created: request.created,
                toolVersion: request.toolVersion),
            ExportRequest(
                scope: scope, directory: excelData, format: .excel, since: previous(excelData),
                created: request.created, toolVersion: request.toolVersion),
        ]
        // The open and the Excel publication share nothing but the ledger's reads (one connection, in turn):
        // formatting and guarding their rows goes on both cores. The open one's error wins, as when in sequence.
        // The tables both (and the pages) build whole are built once, first, so neither builds them in parallel.
        for dataset in requests[0].datasets { try datasets.warm(dataset, scope: scope) }
        let results = Mutex<[Result<ExportSummary, any Error>]>(
            Array(repeating: .failure(CancellationError()), count: requests.count))
        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            let result = Result { try exporter.run(requests[index]) }
            results.withLock { $0[index] = result }
        }
        let summaries = results.withLock { $0 }
        let open = try summaries[0].get()
        let excel = try summaries[1].get()

        let site = try PortalSite(datasets: datasets, scope: scope, year: year, request: request, changes: open.changes)
        try site.writeAll()
        return PortalSummary(
            pages: site.pages, dataFiles: open.published.count + excel.published.count + site.pageData.written,
            changes: open.changes, directory: request.directory)
    }
}
