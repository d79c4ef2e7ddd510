import ArgumentParser
import Domain
import Foundation
import Formats
import Importers
import Ledger

/// `transparencia import compras FILE…`: Guatecompras/MINFIN flat exports (CSV, XLSX, JSON).
struct ImportComprasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compras",
        abstract: "Importa exportaciones planas de compras (CSV, XLSX o JSON de Guatecompras/MINFIN).",
        discussion: """
            Una fila por línea de adjudicación (un NOG puede repetirse con varios proveedores). Se aceptan \
            los encabezados NOG CONCURSO, NOG_CONCURSO o nogConcurso, con o sin tildes; CSV en UTF-8, \
            UTF-8 con BOM o Latin-1/Windows-1252 separado por coma, punto y coma o tabulador; montos con \
            comas de miles y prefijo Q.; fechas día/mes/año o mes/día/año (se decide por archivo y se \
            informa). El texto con doble codificación (NIÃ‘OS) se repara y se cuenta.

            Cada archivo es todo o nada: con errores no se importa (código 2) salvo con --allow-rejects. \
            Un NOG ya registrado se completa: lo que el archivo no dice se conserva.

            Ejemplos:
              transparencia import compras Samples/compras/compras-sosep-2022.csv
              transparencia import compras --sheet Adjudicaciones adjudicaciones.xlsx
              transparencia import compras --dry-run --date-order mes-dia descarga.csv
            """
    )

    /// The order of numeric dates, when the user knows it better than the sniffer.
    enum DateOrderArgument: String, CaseIterable, ExpressibleByArgument {
        case diaMes = "dia-mes"
        case mesDia = "mes-dia"

        var order: DateOrder { self == .diaMes ? .dayFirst : .monthFirst }
    }

    @Argument(help: ArgumentHelp("Archivos CSV, XLSX o JSON a importar.", valueName: "archivo"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Hoja del XLSX a leer (por defecto, la primera).", valueName: "nombre"))
    var sheet: String?

    @Option(name: .long, help: "Orden de las fechas numéricas; por defecto se decide con todos los valores del archivo.")
    var dateOrder: DateOrderArgument?

    @OptionGroup var importOptions: ImportOptions
    @OptionGroup var ledgerOptions: LedgerOptions

    func run() async throws {
        let ledger = try ledgerOptions.openLedger()
        let importer = ComprasFlatImporter(options: .init(sheet: sheet, dateOrder: dateOrder?.order))
        let showProgress = Terminal.stderrIsTerminal && !importOptions.quiet
        var failed = false
        for path in files {
            do {
                try importFile(path, importer: importer, ledger: ledger, showProgress: showProgress)
            } catch let error as ExitCode {
                failed = failed || error != .success
            } catch {
                if showProgress { ProcurementImportReport.endProgress() }
                Terminal.printError(error)
                if case ImportError.invalidFile(_, let diagnostics) = error { Terminal.printDiagnostics(diagnostics) }
                Terminal.note("\((path as NSString).lastPathComponent): no se importó nada")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }

    private func importFile(_ path: String, importer: ComprasFlatImporter, ledger: Ledger, showProgress: Bool) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw CommandError.missingFile(path) }
        let url = URL(fileURLWithPath: path)
        let digest = try FileDigest.of(url)
        let source = ImportSource(
            sourceKind: ComprasFlatImporter.sourceKind, fileName: url.lastPathComponent, sha256: digest.sha256,
            bytes: digest.bytes, sourceURL: importOptions.sourceURL, etag: importOptions.etag)
        // The file is read inside the import's transaction and each NOG is written as soon as it is assembled,
        // so no list of rows or procurements is ever held; a file refused for errors is rolled back.
        var read: ComprasFlatImport?
        var outcome: ImportOutcome?
        do {
            outcome = try ledger.importProcurements(
                source: source, toolVersion: Transparencia.version, dryRun: importOptions.dryRun
            ) { sink in
                let result = try readFile(url, importer: importer, showProgress: showProgress) { procurement in
                    try sink.upsert(procurement, policy: .overlay)
                }
                read = result
                if result.diagnostics.containsErrors && !importOptions.allowRejects { throw Refusal() }
                sink.countRead(result.rowsRead)
                sink.countAcceptedRows(result.rowsRead - result.rowsRejected)
                var rejectedLines = Set<Int?>()
                for diagnostic in result.diagnostics where diagnostic.severity != .info {
                    // One reject per rejected row; further problems of the same row are stored as notes.
                    if diagnostic.severity == .error, rejectedLines.insert(diagnostic.line).inserted {
                        try sink.reject(diagnostic)
                    } else {
                        try sink.note(diagnostic)
                    }
                }
            }
        } catch is Refusal {
            outcome = nil
        }
        // A file imported before is not read inside the transaction: read it (writing nothing) to report on it.
        let result = try read ?? readFile(url, importer: importer, showProgress: showProgress) { _ in }
        if showProgress { ProcurementImportReport.endProgress() }
        Terminal.note("\(result.fileName): \(result.shapeDescription)")
        if let decision = result.dateDecision {
            Terminal.note("  \(dateOrder == nil ? decision.explanation : "fechas leídas como \(result.dateOrder.displayName) (indicado con --date-order)")")
        }
        Terminal.printDiagnostics(result.diagnostics)
        guard let outcome, !result.diagnostics.containsErrors || importOptions.allowRejects else {
            Terminal.note(
                "\(result.fileName): \(result.rowsRejected) fila(s) con errores; no se importó nada "
                    + "(corrija el archivo o use --allow-rejects)")
            throw ExitCode(2)
        }
        let lines = ProcurementImportReport.summary(
            outcome, rowsRead: result.rowsRead, rowsRejected: result.rowsRejected, repaired: result.repairedValues,
            dryRun: importOptions.dryRun)
        for line in lines { Terminal.note(line) }
    }

    /// Reads one file through a fresh staging area, handing each accepted procurement to `deliver`.
    private func readFile(
        _ url: URL, importer: ComprasFlatImporter, showProgress: Bool, deliver: (Procurement) throws -> Void
    ) throws -> ComprasFlatImport {
        let stage = try LedgerComprasStage()
        var total: Int?
        var written = 0
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        let reading = ImportProgress(enabled: showProgress, fileName: url.lastPathComponent, totalBytes: size, unit: "filas")
        defer { reading.finish() }
        return try importer.read(url, stage: stage) { rows, bytes in
            reading.update(bytes: bytes, records: Int(rows))
        } deliver: { procurement in
            try deliver(procurement)
            written += 1
            if showProgress && written % 2000 == 0 {
                let of = try total ?? stage.nogCount()
                total = of
                ProcurementImportReport.progress(url.lastPathComponent, written: written, of: of)
            }
        }
    }

    /// Raised inside the import's transaction to roll it back when the file has errors and no --allow-rejects.
    private struct Refusal: Error {}
}
