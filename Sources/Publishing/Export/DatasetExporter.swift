import Domain
import Formats
import Foundation
import Ledger

/// Publishes datasets as open data: every table as CSV and JSON (or JSON Lines), `datapackage.json`, and with
/// `--since` a changelog (`cambios.csv`, `cambios.json`).
///
/// Rows stream from the ledger into the files (a national year never sits in memory), through the privacy
/// guard. Everything is written into a staging folder first and published only when all of it succeeded, so
/// a refusal or a failure leaves the previous publication untouched.
public struct DatasetExporter: Sendable {
    public let datasets: Datasets
    /// Whether tables may be written in two lanes at once (``ExportLanes``); tests turn it off to compare with the
    /// export in sequence.
    var lanes = true

    public init(datasets: Datasets) {
        self.datasets = datasets
    }

    /// Runs an export.
    /// - Throws: ``PublishingError/personalData(findings:total:)`` when a value looks like personal data in a
    ///   column the profile does not allow (nothing is published); other ``PublishingError``s and
    ///   ``LedgerError``s as the tables raise them.
    public func run(_ request: ExportRequest) throws -> ExportSummary {
        let previous = try request.since.map(PreviousPublication.init(directory:))
        let staging = try PublicationStaging(directory: request.directory, dryRun: request.dryRun)
        defer { staging.discard() }
        let scope = request.scope
        let privacy = PrivacyGuard(allowedColumns: scope.profile.columnasPersonalesPermitidas)
        let year = scope.year ?? scope.profile.ejercicio
        let entidad = scope.sicoinFilter.entidad
        let changeWriter = try previous.map { _ in
            try ChangeWriter(
                sink: TableFileSink(
                    folder: staging.folder, profile: request.format, jsonLines: request.jsonLines, privacy: nil,
                    changes: nil),
                provenance: [Provenance.integer(year), Provenance.integer(scope.month), Provenance.text(entidad)])
        }
        let writer = DatasetFileWriter(
            folder: staging.folder, format: request.format, jsonLines: request.jsonLines, scope: scope)
        var written = try writeTables(
            request, writer: writer, privacy: privacy, previous: previous, changeWriter: changeWriter)
        if let refusal = privacy.refusal { throw refusal }
        if let changes = try changeWriter?.finish() { written.append((nil, changes)) }

        let names = Set(written.map(\.files.heading.name))
        let tables = written.map { dataset, files in
            publishedTable(dataset, files, names: names, allowed: scope.profile.columnasPersonalesPermitidas)
        }
        let descriptor = DataPackageDescriptor(
            profile: scope.profile, year: year, month: scope.month, created: request.created, format: request.format,
            jsonLines: request.jsonLines, tables: tables, sources: try datasets.ledger.importRuns(),
            toolVersion: request.toolVersion)
        let descriptorFile = staging.file("datapackage.json")
        do {
            try Data((descriptor.json().rendered() + "\n").utf8).write(to: descriptorFile)
        } catch {
            throw PublishingError.unwritable(path: descriptorFile.path, cause: SystemErrorText.describe(error))
        }
        let fileNames = written.flatMap { [$0.files.csvName, $0.files.jsonName] } + ["datapackage.json"]
        let published = request.dryRun ? [] : try staging.commit(fileNames)
        return ExportSummary(
            tables: written.map { _, files in
                ExportSummary.Table(
                    name: files.heading.name, rows: files.rows, files: [files.csvName, files.jsonName],
                    emptyReason: files.footing.emptyReason, notes: files.footing.notes)
            },
            changes: changeWriter?.count, published: published, directory: request.directory)
    }

    /// Writes the requested tables into the staging folder, the privacy guard's findings in request order.
    ///
    /// In two lanes at once (``ExportLanes``) unless the changelog (one writer, its changes in table order) or a
    /// publication's kept tables (the portal, which already runs two exports at once) ask for one table after
    /// another, or all tables fall in one lane (a second connection would only cost).
    private func writeTables(
        _ request: ExportRequest, writer: DatasetFileWriter, privacy: PrivacyGuard, previous: PreviousPublication?,
        changeWriter: ChangeWriter?
    ) throws -> [(dataset: Dataset?, files: TableFileSink.Written)] {
        var written: [(dataset: Dataset?, files: TableFileSink.Written)] = []
        if changeWriter == nil, datasets.tableCache == nil, lanes, let split = ExportLanes(request.datasets),
            let reader = try datasets.ledger.reader()
        {
            let outcomes = try split.run(
                request.datasets, writer: writer, datasets: datasets, reader: datasets.reading(from: reader),
                allowedColumns: request.scope.profile.columnasPersonalesPermitidas)
            for (dataset, outcome) in zip(request.datasets, outcomes) {
                privacy.absorb(outcome.findings, count: outcome.findingCount)
                if let files = outcome.written { written.append((dataset, files)) }
            }
            return written
        }
        var shared = SharedReads(requested: request.datasets)
        for dataset in request.datasets {
            let tracker = previous.flatMap { previous in
                changeWriter.map { TableChangeTracker(primaryKey: dataset.primaryKey, previous: previous, output: $0) }
            }
            let files = try writer.write(
                dataset, datasets: datasets, shared: &shared, privacy: privacy, changes: tracker)
            if let files { written.append((dataset, files)) }
        }
        return written
    }

    private func publishedTable(
        _ dataset: Dataset?, _ files: TableFileSink.Written, names: Set<String>, allowed: [String]
    ) -> PublishedTable {
        let name = files.heading.name
        let foreignKeys = (dataset?.foreignKeys ?? []).filter { names.contains($0.dataset.rawValue) }.map {
            (fields: $0.fields, table: $0.dataset.rawValue, referencedFields: $0.referencedFields)
        }
        return PublishedTable(
            heading: files.heading,
            summary: dataset?.summary ?? "Cambios desde la publicación anterior: filas agregadas, eliminadas y "
                + "modificadas (valor anterior y nuevo de cada campo)",
            laipNumerals: dataset?.laipNumerals ?? [], primaryKey: dataset?.primaryKey ?? ["tabla", "clave", "campo"],
            foreignKeys: foreignKeys,
            personalColumns: allowed.compactMap { key in
                key.hasPrefix(name + ".") ? String(key.dropFirst(name.count + 1)) : nil
            },
            csv: PublishedTable.FileFacts(
                name: files.csvName, bytes: files.csvDigest.bytes, sha256: files.csvDigest.sha256),
            jsonName: files.jsonName, rows: files.rows)
    }
}
