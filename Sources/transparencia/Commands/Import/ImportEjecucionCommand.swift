import ArgumentParser
import Domain
import Formats
import Foundation
import Importers
import Ledger

/// `transparencia import ejecucion FILE…`: budget execution by budget line (SICOIN CSV, MINFIN open data).
struct ImportEjecucionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ejecucion",
        abstract: "Importa la ejecución presupuestaria por línea (SICOIN/MINFIN: CSV, XLSX o JSON de datos abiertos).",
        discussion: """
            Cada archivo es un corte (ejercicio y mes o fecha de corte): un corte posterior reemplaza al anterior
            para las mismas líneas y el historial se conserva. Acepta CSV en UTF-8 o Latin-1, separado por coma
            o punto y coma, con filas de título, totales y subtotales (se verifican contra el detalle), y las
            respuestas JSON `datastore_search` del portal de datos abiertos del MINFIN.

            Validaciones: vigente = asignado + modificaciones; comprometido ≤ vigente; devengado ≤ comprometido
            y ≤ vigente; pagado ≤ devengado; montos no negativos; renglón de tres dígitos (un renglón que el
            catálogo no nombra es advertencia); sin líneas duplicadas; ejercicio cubierto por el catálogo.

            Ejemplos:
              transparencia import ejecucion Samples/ejecucion/ejecucion-sosep-2022.csv
              transparencia import ejecucion --month 4 ejecucion-abril.csv
              transparencia import ejecucion --dry-run datastore_search.json
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var importOptions: ImportOptions

    @Option(name: .long, help: ArgumentHelp("Ejercicio fiscal, si el archivo no trae columna de ejercicio.", valueName: "año"))
    var year: Int?

    // `--month` as in the reports; `--mes` kept for those who already use it.
    @Option(
        name: [.customLong("month"), .customLong("mes")],
        help: ArgumentHelp("Mes de corte (1 a 12) de la ejecución del archivo (también --mes).", valueName: "n"))
    var mes: Int?

    @Option(name: .long, help: ArgumentHelp("Fecha de corte exacta (AAAA-MM-DD).", valueName: "fecha"))
    var corte: String?

    @Flag(name: .long, help: "Acepta una página JSON con menos registros que su total (descarga paginada incompleta).")
    var allowPartial = false

    /// A CSV field separator as users type it.
    enum Separator: String, ExpressibleByArgument, CaseIterable {
        case comma = ",", semicolon = ";", tab

        var byte: UInt8 {
            switch self {
            case .comma: UInt8(ascii: ",")
            case .semicolon: UInt8(ascii: ";")
            case .tab: UInt8(ascii: "\t")
            }
        }
    }

    @Option(name: .long, help: ArgumentHelp("Separador de campos del CSV, si no se quiere detectar (también --separador).", valueName: "sep"))
    var separator: Separator?

    @Option(name: .customLong("separador"), help: .hidden)
    var separador: Separator?

    @Argument(help: ArgumentHelp("Archivos de ejecución (CSV, XLSX o JSON).", valueName: "archivo"))
    var files: [String]

    func validate() throws {
        if let mes, !(1...12).contains(mes) { throw ValidationError("--month debe estar entre 1 y 12") }
        if let corte, !Self.isISODate(corte) {
            throw ValidationError("--corte debe ser una fecha AAAA-MM-DD")
        }
        if let corte, let mes, let month = Int(corte.dropFirst(5).prefix(2)), month != mes {
            throw ValidationError("--corte \(corte) no cae en el mes \(mes)")
        }
    }

    /// `2022-08-31`-shaped text with a plausible month and day.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    func run() async throws {
        let ledger = try ledgerOptions.openLedger()
        var failed = false
        for path in files {
            let url = URL(fileURLWithPath: path)
            do {
                guard let source = try ImportRunner.newSource(url, kind: "ejecucion", options: importOptions, ledger: ledger)
                else { continue }
                let options = ExecutionImportOptions(
                    ejercicio: year, mes: mes ?? corte.flatMap { Int($0.dropFirst(5).prefix(2)) }, fechaCorte: corte,
                    allowPartialPage: allowPartial, delimiter: (separator ?? separador)?.byte,
                    knownNames: try ledger.executionNames())
                // One reading keeps memory bounded: each valid line is written as soon as it is read, inside one
                // transaction that is kept only if the whole file turns out importable.
                var scanned: ExecutionScan?
                var outcome: ImportOutcome?
                if importOptions.dryRun {
                    scanned = try ExecutionImporter.scan(url, options: options)
                } else {
                    let progress = ImportProgress(
                        enabled: !importOptions.quiet && Terminal.stderrIsTerminal, fileName: url.lastPathComponent,
                        totalBytes: 0, unit: "líneas")
                    defer { progress.finish() }
                    var written = 0
                    outcome = try ledger.importExecution(source: source, toolVersion: Transparencia.version) { sink in
                        let result = try ExecutionImporter.stream(url, options: options) { line in
                            try sink.write(line)
                            written += 1
                            if written % 1000 == 0 { progress.update(bytes: 0, records: written) }
                        }
                        scanned = result
                        guard !isBlocked(result), let cutoff = result.cutoff else { return nil }
                        return ExecutionImportSummary(
                            cutoff: cutoff, rowsRead: result.rowsRead, rowsRejected: result.rowsRejected,
                            diagnostics: result.diagnostics)
                    }
                }
                guard let result = scanned else {
                    // Imported by someone else since the check above: the file was not read.
                    if case .alreadyImported(let run)? = outcome {
                        Terminal.note("\(url.lastPathComponent): ya importado (corrida \(run.id ?? 0)); sin cambios")
                    }
                    continue
                }
                if !importOptions.quiet || result.hasErrors { Terminal.printDiagnostics(result.diagnostics) }
                guard !isBlocked(result), let cutoff = result.cutoff, importOptions.dryRun || outcome != nil else {
                    Terminal.printError(ImportError.invalidFile(file: url.lastPathComponent, diagnostics: result.diagnostics))
                    failed = true
                    continue
                }
                guard let outcome else {
                    Terminal.note(
                        "\(url.lastPathComponent) [\(result.formatDescription)]: corte \(cutoff), "
                            + "\(result.linesAccepted) líneas válidas según la simulación (--dry-run); no se escribió nada")
                    continue
                }
                let total = result.total
                switch outcome {
                case .alreadyImported(let run):
                    Terminal.note("\(url.lastPathComponent): ya importado (corrida \(run.id ?? 0)); sin cambios")
                case .imported(_, let counts):
                    Terminal.note("""
                        \(url.lastPathComponent) [\(result.formatDescription)]: corte \(cutoff), \
                        \(counts.rowsAccepted) líneas (\(counts.inserted) nuevas, \(counts.updated) actualizadas, \
                        \(counts.unchanged) sin cambio, \(counts.rowsRejected) rechazadas, \(result.totalsRows) filas de totales \
                        verificadas); vigente \(total.vigente.formatted), devengado \(total.devengado.formatted)
                        """)
                }
            } catch {
                Terminal.printError(error)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// Errors that keep a file out: any error of the file as a whole; row errors unless `--allow-rejects`.
    private func isBlocked(_ result: ExecutionScan) -> Bool {
        result.hasFileLevelErrors || (result.hasErrors && !importOptions.allowRejects)
    }
}
