import Checks
import Domain
import Foundation
import Ledger

/// Builds the tables users see from the ledger: the one place `report`, `export` and the portal get them.
public struct Datasets: Sendable {
    public let ledger: Ledger
    /// Severities the user gave checks (the settings file's `[verificaciones]`).
    public var checkSettings: CheckSettings
    /// Check results already run for the scope being published: the portal runs the checks once and every table
    /// and page that shows them (the exporter's `verificaciones` in two profiles, provenance, NOG pages) reuses
    /// them, since over a national year one run costs most of a publication.
    var knownCheckResults: [CheckResult]?
    /// Whole tables kept for the publication being built (the portal sets one), so each is built once.
    var tableCache: DatasetTableCache?

    public init(ledger: Ledger, checkSettings: CheckSettings = CheckSettings()) {
        self.ledger = ledger
        self.checkSettings = checkSettings
    }

    /// The same tables read through another connection to the ledger (``Ledger/reader()``): for a thread that reads
    /// beside this value's connection.
    func reading(from ledger: Ledger) -> Datasets {
        var other = Datasets(ledger: ledger, checkSettings: checkSettings)
        other.knownCheckResults = knownCheckResults
        other.tableCache = tableCache
        return other
    }

    /// The table of a dataset for a scope, whole. An empty table carries its ``DataTable/emptyReason``.
    /// - Throws: ``PublishingError`` when the scope asks what the data cannot give (a month of lines without
    ///   monthly devengado, an unknown modality), ``LedgerError`` when the ledger fails.
    public func table(_ dataset: Dataset, scope: DatasetScope) throws -> DataTable {
        let collector = TableCollector()
        try write(dataset, scope: scope, to: collector)
        return collector.table
    }

    /// Builds a dataset into a sink, row by row: listings (`compras`, `adjudicaciones`, `ejecucion`) stream from
    /// the ledger without ever holding their rows; the other tables are small and replayed whole.
    /// - Throws: as ``table(_:scope:)``, and whatever the sink throws.
    public func write(_ dataset: Dataset, scope: DatasetScope, to sink: any TableSink) throws {
        switch dataset {
        case .ejecucion, .ejecucionPorGrupo, .ejecucionPorRenglon, .ejecucionPorActividad:
            try ExecutionTables(ledger: ledger, scope: scope).write(dataset, to: sink)
        case .compras, .adjudicaciones, .proveedores, .comprasPorModalidad, .comprasPorEstado:
            try ProcurementDatasets(ledger: ledger, scope: scope).write(dataset, to: sink)
        case .seguimiento: try follow(scope).table.replay(into: sink)
        case .vinculos: try LinkTables(ledger: ledger, scope: scope).write(dataset, to: sink)
        case .verificaciones:
            try CheckTable.write(
                ejercicio: scope.year, mes: scope.month, entidad: scope.sicoinFilter.entidad, to: sink
            ) { try forEachCheckResult(scope, $0) }
        default:
            let table =
                try tableCache?.table(dataset, scope: scope) { try wholeTable(dataset, scope) }
                ?? wholeTable(dataset, scope)
            try table.replay(into: sink)
        }
    }

    /// Builds a whole dataset into the publication's ``tableCache`` (streamed listings are left alone).
    func warm(_ dataset: Dataset, scope: DatasetScope) throws {
        guard let tableCache, !Self.streamed.contains(dataset), dataset != .seguimiento else { return }
        _ = try tableCache.table(dataset, scope: scope) { try wholeTable(dataset, scope) }
    }

    /// The datasets written row by row from the ledger (or from the checks' findings), never held whole.
    static let streamed: Set<Dataset> = [
        .ejecucion, .ejecucionPorGrupo, .ejecucionPorRenglon, .ejecucionPorActividad, .compras, .adjudicaciones,
        .proveedores, .comprasPorModalidad, .comprasPorEstado, .verificaciones, .vinculos,
    ]

    /// The datasets built whole before they are written (small by nature).
    private func wholeTable(_ dataset: Dataset, _ scope: DatasetScope) throws -> DataTable {
        switch dataset {
        case .productos: try products(scope)
        case .importaciones: try ImportRunsTable.table(ledger.importRuns())
        case .diagnosticos: try diagnostics(scope)
        case .comprasSinVincular: try LinkTables(ledger: ledger, scope: scope).table(dataset)
        case .conciliacionPorProducto, .conciliacionPorGrupo, .conciliacionPorRenglon, .conciliacionPorMes:
            try ReconciliationTables(ledger: ledger, scope: scope).table(dataset)
        case .banderas: try BanderasTable(ledger: ledger, scope: scope).table()
        case .seguimiento: try follow(scope).table
        case .ejecucion, .ejecucionPorGrupo, .ejecucionPorRenglon, .ejecucionPorActividad, .compras,
            .adjudicaciones, .proveedores, .comprasPorModalidad, .comprasPorEstado, .verificaciones, .vinculos:
            try table(dataset, scope: scope)
        }
    }

    private func products(_ scope: DatasetScope) throws -> DataTable {
        let (entidad, unidad) = scope.sicoinFilter
        let year = scope.resolvedYear(available: try ledger.metasYears())
        let metas =
            try year.map {
                // Executed goals at the latest cut-off within the period asked for.
                try ledger.metas(
                    ejercicio: $0, entidad: entidad, unidadEjecutora: unidad,
                    month: scope.period(year: $0)?.months.upperBound)
            } ?? Metas()
        var table = try ProductsTable.build(
            metas, title: "Productos y subproductos \(year.map(String.init) ?? "") — \(scope.profile.displayName)",
            month: scope.month)
        if metas.products.isEmpty {
            table.emptyReason =
                "sin datos: no hay productos\(year.map { " del ejercicio \($0)" } ?? "") para "
                + "\(scope.profile.displayName); impórtelos con `transparencia import metas ARCHIVO`"
        }
        return table
    }

    /// The checks' results for a scope, run now; with `only`, just the checks whose id starts with one of them
    /// (the others are not run: on a national year each costs seconds).
    public func checkResults(_ scope: DatasetScope, only: [String] = []) throws -> [CheckResult] {
        var results: [CheckResult] = []
        try forEachCheckResult(scope, only: only) { results.append($0) }
        return results
    }

    /// ``checkResults(_:only:)`` handed over one check at a time, as each runs (or from the results already run).
    func forEachCheckResult(_ scope: DatasetScope, only: [String] = [], _ body: (CheckResult) throws -> Void)
        throws
    {
        if let knownCheckResults {
            for result in knownCheckResults where CheckCatalog.selects(result.id, only: only) { try body(result) }
            return
        }
        let (entidad, unidad) = scope.sicoinFilter
        try CheckCatalog.run(
            on: ledger,
            scope: CheckScope(
                ejercicio: scope.year, entidad: entidad, unidadEjecutora: unidad,
                procurements: scope.year.map(scope.procurementScope(year:))),
            only: only, settings: checkSettings, each: body)
    }

    private func diagnostics(_ scope: DatasetScope) throws -> DataTable {
        let runs = try ledger.importRuns()
        guard
            let run = scope.importRun.flatMap({ id in runs.first { $0.id == id } })
                ?? (scope.importRun == nil ? runs.last : nil)
        else {
            var table = DiagnosticsTable.table([], run: nil)
            table.emptyReason =
                scope.importRun.map { "no hay una importación #\($0) en el libro" }
                ?? "el libro no tiene importaciones"
            return table
        }
        return DiagnosticsTable.table(try ledger.storedDiagnostics(importRunID: run.id), run: run)
    }
}
