import ArgumentParser
import Domain
import Formats
import Foundation
import Importers
import Ledger

/// `transparencia import ocds FILE…`: Guatecompras OCDS data in any package shape, streamed.
struct ImportOcdsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocds",
        abstract:
            "Importa compras en OCDS: paquetes de registros o de entregas, JSON Lines, OCDS aplanado (XLSX o CSV) o ZIP que los contengan.",
        discussion: """
            Lee el archivo por partes (un registro a la vez), así que el paquete mensual
            de Guatecompras (200–300 MB, ≈17,000 registros) se importa con memoria
            acotada. De cada registro usa compiledRelease; si no lo trae, compila sus
            entregas (el valor más reciente de cada campo). Identifica la entidad
            (GT-CISP), la unidad compradora (GT-GCUC) y los proveedores (GT-NIT,
            GT-GCID); la modalidad se toma de procurementMethodDetails y se busca en el
            catálogo; las fechas 0001-01-01 quedan vacías y las ofertas de 0.0 quedan
            «sin monto». Un NOG ya registrado se actualiza y el cambio queda en el
            historial.

            También lee OCDS aplanado con flatten-tool, como lo ofrecen el registro de
            datos de la OCP y Guatecompras: un XLSX con la hoja releases (o main,
            records) y sus hojas hijas (awards, awa_suppliers, ten_items, …), o un ZIP
            con los mismos CSV (UTF-8 o Latin-1). Une las hojas por el id de la entrega
            y guarda lo mismo que el JSON del que salieron.

            Cada archivo es todo o nada (código 2 si tiene errores), salvo con
            --allow-rejects, que importa lo válido y guarda los rechazos con su motivo.

            Ejemplos:
              transparencia import ocds Samples/compras/ocds-sosep-2022.json
              transparencia import ocds --dry-run 2022-05.zip
              transparencia import ocds --allow-rejects --quiet entregas.jsonl
              transparencia import ocds 2022-12_Guatecompras.xlsx
            """
    )

    /// What `import_run.source_kind` says for these files.
    static let sourceKind = "ocds"

    @Argument(help: ArgumentHelp("Archivos OCDS (.json, .jsonl, .zip, o .xlsx/.csv aplanados).", valueName: "archivo"))
    var files: [String]

    @OptionGroup var importOptions: ImportOptions
    @OptionGroup var ledgerOptions: LedgerOptions

    func run() async throws {
        let ledger: Ledger
        if importOptions.dryRun && !FileManager.default.fileExists(atPath: ledgerOptions.db) {
            ledger = try Ledger.inMemory()
        } else {
            ledger = try ledgerOptions.openLedger()
        }
        var failed = false
        for path in files where !importPath(path, ledger: ledger) {
            failed = true
        }
        if failed { throw ExitCode(2) }
    }

    /// Imports a file, or each JSON entry of a ZIP as its own all-or-nothing import; false when any failed.
    private func importPath(_ path: String, ledger: Ledger) -> Bool {
        let name = (path as NSString).lastPathComponent
        guard FileManager.default.fileExists(atPath: path) else {
            report(CommandError.missingFile(path), name: name)
            return false
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "transparencia-ocds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let inputs: [OCDSInputFile]
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            inputs = try OCDSInputFile.inputs(for: URL(fileURLWithPath: path), temporaryDirectory: temporary)
        } catch {
            report(error, name: name)
            return false
        }
        var succeeded = true
        for input in inputs {
            do {
                try importFile(input, ledger: ledger)
            } catch {
                report(error, name: input.displayName)
                succeeded = false
            }
            if input.isTemporary { try? FileManager.default.removeItem(at: input.url) }
        }
        return succeeded
    }

    /// Prints why a file was not imported (stderr).
    private func report(_ error: any Error, name: String) {
        Terminal.printError(error)
        if case ImportError.invalidFile(_, let diagnostics) = error { Terminal.printDiagnostics(diagnostics) }
        Terminal.note("\(name): no se importó nada")
    }

    private func importFile(_ input: OCDSInputFile, ledger: Ledger) throws {
        let digest = try FileDigest.of(input.url)
        let source = ImportSource(
            sourceKind: Self.sourceKind, fileName: input.displayName, sha256: digest.sha256, bytes: digest.bytes,
            sourceURL: importOptions.sourceURL, etag: importOptions.etag)
        let progress = ImportProgress(
            enabled: Terminal.stderrIsTerminal && !importOptions.quiet, fileName: input.displayName,
            totalBytes: digest.bytes)
        defer { progress.finish() }
        let allowRejects = importOptions.allowRejects
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var summary = OCDSReadSummary()
        var firstSeen: [String: String] = [:]
        let started = Date()
        let outcome = try ledger.importProcurements(
            source: source, toolVersion: Transparencia.version, dryRun: importOptions.dryRun
        ) { sink in
            // Reading and decoding run on their own thread; this one writes to the ledger as events arrive.
            let (events, producer) = Self.startReading(input, progress: progress)
            defer { producer.wait() }
            do {
                while let event = try events.take() {
                    switch event {
                    case .procurement(let procurement, let location):
                        sink.countRead()
                        let result = try sink.upsert(procurement, policy: .replace)
                        var problem: String?
                        switch result {
                        case .conflictingDuplicate:
                            problem =
                                "el NOG \(procurement.nog) aparece otra vez en el mismo archivo con datos distintos"
                                + " (primera vez en \(firstSeen[procurement.nog] ?? "?")); se conserva la primera"
                        case .ocidBelongsToOtherNOG(let other):
                            problem = "el ocid \(procurement.ocid ?? "") ya pertenece al NOG \(other)"
                        default:
                            firstSeen[procurement.nog] = firstSeen[procurement.nog] ?? location.path
                        }
                        if let problem {
                            let diagnostic = Diagnostic(
                                file: location.file, line: location.line, field: location.path, severity: .error,
                                message: problem + " (byte \(location.offset))")
                            errors.append(diagnostic)
                            if allowRejects { try sink.reject(diagnostic) }
                        }
                    case .rejected(let diagnostic):
                        sink.countRead()
                        errors.append(diagnostic)
                        if allowRejects { try sink.reject(diagnostic) }
                    case .diagnostic(let diagnostic):
                        if diagnostic.severity != .info { warnings.append(diagnostic) }
                        try sink.note(diagnostic)
                    }
                }
            } catch {
                events.cancel()
                throw error
            }
            producer.wait()
            summary = producer.summary
            if !errors.isEmpty && !allowRejects {
                throw ImportError.invalidFile(file: input.displayName, diagnostics: errors)
            }
        }
        progress.finish()
        Terminal.printDiagnostics(warnings + (allowRejects ? errors : []))
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        if case .alreadyImported = outcome {
            Terminal.note("\(input.displayName):")
        } else {
            Terminal.note("\(input.displayName): \(summary.shape), \(digest.bytes) bytes en \(Int(seconds * 1000)) ms")
        }
        let lines = ProcurementImportReport.summary(
            outcome, rowsRead: summary.recordsRead, rowsRejected: errors.count, repaired: summary.repaired,
            dryRun: importOptions.dryRun)
        for line in lines { Terminal.note(line) }
    }

    /// Starts reading `input` on a background thread; its events arrive through the returned queue.
    private static func startReading(_ input: OCDSInputFile, progress: ImportProgress)
        -> (BoundedHandoff<OCDSImportEvent>, ReadingThread)
    {
        let events = BoundedHandoff<OCDSImportEvent>()
        let reading = ReadingThread()
        let thread = Thread {
            do {
                reading.summary = try OCDSImporter().read(
                    input.url, displayName: input.displayName,
                    progress: { bytes, records in progress.update(bytes: bytes, records: records) }
                ) { event in try events.put(event) }
                events.finish(error: nil)
            } catch {
                events.finish(error: error)
            }
            reading.done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return (events, reading)
    }

    /// What the reading thread leaves behind, read only after ``wait()``.
    final class ReadingThread: @unchecked Sendable {
        var summary = OCDSReadSummary()
        let done = DispatchSemaphore(value: 0)
        private var waited = false

        /// Waits once for the thread to end (later calls return at once).
        func wait() {
            guard !waited else { return }
            done.wait()
            waited = true
        }
    }
}
