import ArgumentParser
import Domain
import Foundation
import Ledger
import Publishing
import RedFlags

/// `transparencia banderas`: red flags over one fiscal year of the ledger's procurement, stored with the hash of
/// their parameters. Flags are reasons to look, not failures: the command exits 0 when it ran.
struct BanderasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "banderas",
        abstract: "Banderas rojas de compras: motivos para mirar, nunca hallazgos.",
        discussion: """
            Lee las compras del año (NOG de cualquier fuente y NPG de la ejecución
            por insumo), aplica los indicadores y guarda la corrida con la huella
            SHA-256 de sus parámetros. Cada bandera trae su evidencia y las
            explicaciones legítimas que hay que descartar antes de concluir. Sale
            con 0 aunque haya banderas.

            Indicadores:
            \(indicatorList)

            Parámetros: un archivo TOML (--settings); el ejemplo
            Samples/banderas/banderas.toml documenta cada uno con su valor por
            omisión. Los umbrales vienen del catálogo de modalidades y, como las
            exclusiones, se evalúan a la fecha de cada compra.

            Ejemplos:
              transparencia banderas --year 2022
              transparencia banderas --year 2022 --ids TR01,TR02,TR03
              transparencia banderas --year 2022 --settings banderas.toml
              transparencia banderas --year 2022 --format csv --output b.csv
              transparencia banderas --year 2022 --tabla evidencia --format csv
              transparencia banderas --year 2022 --tabla indicadores --format json
            """
    )

    /// One line per indicator, pending ones marked (each under 76 columns).
    static var indicatorList: String {
        IndicatorRegistry.all.map { info in
            let line = "  \(info.id) \(info.nameES)"
            let shown = line.count > 60 ? String(line.prefix(59)) + "…" : line
            return info.isAvailable ? shown : shown + " (pendiente: requiere vínculos)"
        }.joined(separator: "\n")
    }

    @Option(name: .long, help: ArgumentHelp("Ejercicio fiscal.", valueName: "año"))
    var year: Int

    @Option(name: .long, help: ArgumentHelp("Indicadores separados por comas (por omisión, todos).", valueName: "ids"))
    var ids: String?

    @Option(name: .long, help: ArgumentHelp("Archivo TOML de parámetros.", valueName: "ruta"))
    var settings: String?

    /// Which table CSV and JSON carry.
    enum Tabla: String, CaseIterable, ExpressibleByArgument {
        case banderas, evidencia, indicadores
    }

    @Option(
        name: .long,
        help: "En CSV y JSON: una fila por bandera, por fila de evidencia o por indicador (con su explicación).")
    var tabla: Tabla = .banderas

    @Option(name: .long, help: ArgumentHelp("En pantalla, muestra a lo sumo n banderas.", valueName: "n"))
    var limite: Int?

    @Flag(name: .long, help: "Calcula y muestra sin guardar la corrida en el libro.")
    var dryRun = false

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var outputOptions: OutputOptions

    var selectedIDs: [String]? {
        ids.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() } }
    }

    func validate() throws {
        for id in selectedIDs ?? [] {
            guard let info = IndicatorRegistry.all.first(where: { $0.id == id }) else {
                throw ValidationError("indicador «\(id)» desconocido; use TR01…TR20")
            }
            if !info.isAvailable {
                throw ValidationError("\(id) está pendiente: requiere vínculos compra ↔ presupuesto")
            }
        }
        if let limite, limite < 0 { throw ValidationError("--limite debe ser 0 o más") }
    }

    func run() throws {
        StepwiseMemory.prepare()
        let started = Date()
        let cpuStarted = clock()
        let parameters = try settings.map { try RedFlagSettings.load(URL(fileURLWithPath: $0)) } ?? .defaults
        let ledger = try ledgerOptions.openLedger()
        let inputs = try ledger.flagInputs(ejercicio: year)
        let read = Date()
        let cpuRead = clock()
        // The run is stored while it is computed: each indicator's evidence as soon as the indicator has run, the
        // flags once all have; the output is written only once the run is stored, as when one followed the other.
        let store =
            dryRun
            ? nil : ledger.redFlagRunStore(ejercicio: year, toolVersion: Transparencia.version, startedAt: started)
        let result: RedFlagRun
        do {
            result = try RedFlagEngine(settings: parameters).run(inputs, ids: selectedIDs, sink: store)
        } catch {
            store?.abandon()
            _ = try? store?.wait()
            throw error
        }
        let computed = Date()
        let cpuComputed = clock()
        let table =
            switch tabla {
            case .banderas: RedFlagsTable.flags(result)
            case .evidencia: RedFlagsTable.evidence(result)
            case .indicadores: RedFlagsTable.summary(result, registry: IndicatorRegistry.all)
            }
        // The screen text is only built for the screen: for a national year it is the longest thing to render.
        let screen =
            outputOptions.resolvedFormat == .table
            ? RedFlagsTable.screen(result, registry: IndicatorRegistry.all, limit: limite) : nil
        let rendered = outputOptions.rendered(table, text: screen)
        if let store {
            guard let stored = try store.wait() else { throw CommandError.message("la corrida no se guardó") }
            Terminal.note(
                "corrida \(stored.id ?? 0) guardada en \(ledgerOptions.db) · parámetros \(result.parametersHash.prefix(12))"
            )
        } else {
            Terminal.note("--dry-run: la corrida no se guardó")
        }
        if let reason = table.emptyReason { Terminal.note(reason) }
        try outputOptions.write(rendered)
        // The year's purchases are freed on another thread once everything is written: freeing 300,000 of them
        // took tenths of a second, and done while the run was stored it took a core from the store.
        BackgroundRelease.release(consume inputs)
        // Wall time and CPU time (all threads) per phase: on a shared machine the CPU figure is the steadier one.
        func seconds(_ from: Date, _ to: Date) -> String { String(format: "%.2f s", to.timeIntervalSince(from)) }
        func cpu(_ from: clock_t, _ to: clock_t) -> String {
            String(format: "CPU %.2f s", Double(to - from) / Double(CLOCKS_PER_SEC))
        }
        Terminal.note(
            "tiempos: lectura \(seconds(started, read)) (\(cpu(cpuStarted, cpuRead))) · indicadores "
                + "\(seconds(read, computed)) (\(cpu(cpuRead, cpuComputed))) · guardado y salida "
                + "\(seconds(computed, Date())) (\(cpu(cpuComputed, clock()))) · \(result.purchasesRead) compras")
    }
}
