import ArgumentParser
import Checks
import Domain
import Foundation
import Publishing

/// `transparencia check`: runs the named integrity checks and red flags.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verifica la integridad de los datos del libro (sale con 1 si alguna verificación falla).",
        discussion: """
            Cada verificación tiene un identificador estable; --only filtra por prefijo.
            Verificaciones: \(CheckCatalog.all.map(\.id).joined(separator: ", ")).

            Ejemplos:
              transparencia check
              transparencia check --year 2022 --only resumen
              transparencia check --format json
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Ejercicio fiscal (por omisión, todos).")
    var year: Int?

    @Option(name: .long, help: "Entidad SICOIN a verificar (por omisión la del perfil; en blanco, todas).")
    var entidad: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Solo las verificaciones cuyo id empieza así.")
    var only: [String] = []

    func run() async throws {
        let ledger = try ledgerOptions.openLedger()
        let profile = try ledgerOptions.loadProfile()
        let scope = CheckScope(
            ejercicio: year, entidad: entidad ?? profile.sicoinEntidad.nilIfEmpty,
            unidadEjecutora: entidad == nil ? profile.sicoinUnidadEjecutora.nilIfEmpty : nil)
        let results = try CheckCatalog.run(on: ledger, scope: scope, only: only)
        try output.emit(CheckTable.table(results), text: CheckReport.text(results))
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
