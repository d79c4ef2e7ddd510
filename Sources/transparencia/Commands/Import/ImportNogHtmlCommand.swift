import ArgumentParser
import Domain
import Foundation
import Formats
import Importers
import Ledger

/// `transparencia import nog-html FILE…`: NOG detail pages saved from guatecompras.gt.
struct ImportNogHtmlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nog-html",
        abstract: "Importa páginas de detalle de NOG guardadas desde guatecompras.gt.",
        discussion: """
            Lee las tres generaciones de la página (2014–2017, 2018 y 2019 en adelante) en cualquier \
            codificación con la que el navegador la haya guardado. Toma NOG, descripción, modalidad, \
            entidad, unidad compradora, estatus, fechas de publicación y adjudicación, y los proveedores \
            adjudicados con NIT y monto (los oferentes no son proveedores). Si la página se guardó sin la \
            pestaña de adjudicación, los proveedores quedan como desconocidos y se conservan los ya \
            registrados. Cada archivo es todo o nada; un archivo que no es una página de NOG da código 2.

            Ejemplos:
              transparencia import nog-html Samples/compras/nog-17471637.html
              transparencia import nog-html --dry-run paginas/*.html
            """
    )

    @Argument(help: ArgumentHelp("Páginas HTML guardadas (una por NOG).", valueName: "archivo"))
    var files: [String]

    @OptionGroup var importOptions: ImportOptions
    @OptionGroup var ledgerOptions: LedgerOptions

    func run() async throws {
        let ledger = try ledgerOptions.openLedger()
        let importer = NOGPageImporter()
        var failed = false
        for path in files {
            do {
                try importFile(path, importer: importer, ledger: ledger)
            } catch let error as ExitCode {
                failed = failed || error != .success
            } catch {
                Terminal.printError(error)
                if case ImportError.invalidFile(_, let diagnostics) = error { Terminal.printDiagnostics(diagnostics) }
                Terminal.note("\((path as NSString).lastPathComponent): no se importó nada")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }

    private func importFile(_ path: String, importer: NOGPageImporter, ledger: Ledger) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw CommandError.missingFile(path) }
        let url = URL(fileURLWithPath: path)
        let digest = try FileDigest.of(url)
        let result = try importer.read(url)
        let procurement = result.procurement
        let awards = result.awardsKnown
            ? "\(procurement.awards.count) adjudicación(es), \(result.bidderCount) oferta(s)"
            : "sin sección de adjudicaciones (proveedores desconocidos)"
        Terminal.note("\(result.fileName): NOG \(procurement.nog), página \(result.generation.displayName), \(result.encoding); \(awards)")
        Terminal.printDiagnostics(result.diagnostics)
        let source = ImportSource(
            sourceKind: NOGPageImporter.sourceKind, fileName: result.fileName, sha256: digest.sha256, bytes: digest.bytes,
            sourceURL: importOptions.sourceURL, etag: importOptions.etag)
        let outcome = try ledger.importProcurements(
            source: source, toolVersion: Transparencia.version, dryRun: importOptions.dryRun
        ) { sink in
            sink.countRead()
            for diagnostic in result.diagnostics { try sink.note(diagnostic) }
            try sink.upsert(procurement, policy: .overlay)
        }
        for line in ProcurementImportReport.summary(outcome, rowsRead: 1, rowsRejected: 0, repaired: 0, dryRun: importOptions.dryRun) {
            Terminal.note(line)
        }
    }
}
