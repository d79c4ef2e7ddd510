import ArgumentParser
import Checks
import Domain
import Foundation
import Importers
import Ledger
import Publishing

/// `transparencia demo`: the whole pipeline on `Samples/`, so a new user sees it in one command.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Recorre todo el flujo con los datos de ejemplo: init → import → check → report → export.",
        discussion: """
            Usa el libro de datos por omisión (./transparencia.sqlite) para que los comandos que escriba
            después vean los mismos datos. Las verificaciones encuentran a propósito los errores de la
            Tabla 2 publicada por SOSEP (total de 10000 %).

            Ejemplo:
              transparencia demo
              transparencia demo --samples /ruta/a/Samples --output salida
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(name: .long, help: ArgumentHelp("Carpeta de ejemplos.", valueName: "carpeta"))
    var samples = "Samples"

    @Option(name: .long, help: ArgumentHelp("Carpeta de salida de las exportaciones.", valueName: "carpeta"))
    var output = "salida"

    func run() async throws {
        let samplesURL = URL(fileURLWithPath: samples)
        guard FileManager.default.fileExists(atPath: samplesURL.appendingPathComponent("metas").path) else {
            throw CommandError.message("no se encontró la carpeta de ejemplos «\(samples)» (use --samples)")
        }
        stage("1. init")
        let ledger = try Ledger.open(path: ledgerOptions.db, create: true)
        try ProfileSetup.write(to: ledgerOptions.profile, from: samplesURL.appendingPathComponent("sosep.toml").path, force: false)
        let profile = try ledgerOptions.loadProfile()

        stage("2. import")
        let options = try ImportOptions.parse([])
        _ = try ImportRunner.metas(files(in: "metas", ext: ["csv"]), options: options, ledger: ledger)
        _ = try ImportRunner.resumen(files(in: "resumen", ext: ["csv"]), options: options, ledger: ledger)

        stage("3. check")
        let scope = CheckScope(entidad: profile.sicoinEntidad.nilIfEmpty, unidadEjecutora: profile.sicoinUnidadEjecutora.nilIfEmpty)
        let results = try CheckCatalog.run(on: ledger, scope: scope)
        Terminal.output(CheckReport.text(results))

        stage("4. report productos")
        let scopeOptions = try ScopeOptions.parse([])
        let table = try ProductsReport.table(ledger: ledger, profile: profile, scope: scopeOptions)
        Terminal.output(TextTableRenderer.render(table.selecting(ProductsTable.screenColumns)))

        stage("5. export")
        for url in try DatasetWriter.write(table, to: URL(fileURLWithPath: output)) {
            Terminal.note("Escrito \(url.path)")
        }
        let failed = results.filter { !$0.passed }.count
        Terminal.note("""

            Listo. Libro de datos: \(ledger.path) · salidas en \(output)/
            Las verificaciones marcaron \(failed) problema(s) en los datos de ejemplo (esperado: la Tabla 2 publicada).
            Siga con: transparencia report productos --year 2022 --format csv
            """)
    }

    private func stage(_ title: String) {
        Terminal.note("\n== \(title) ==")
    }

    /// The sample files of one kind, sorted by name.
    private func files(in folder: String, ext: [String]) -> [String] {
        let directory = URL(fileURLWithPath: samples).appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { ext.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }.sorted()
            .map { directory.appendingPathComponent($0).path }
    }
}
