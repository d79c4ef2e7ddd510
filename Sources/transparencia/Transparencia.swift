import ArgumentParser
import Foundation

/// The `transparencia` command: fetch → import → ledger → check → publish.
@main
struct Transparencia: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "transparencia",
        abstract: "Convierte datos de compras y ejecución presupuestaria de Guatemala en datos abiertos verificados.",
        discussion: """
            Flujo: fetch → import → check → report → export.
            Códigos de salida: 0 correcto · 1 verificaciones fallidas · 2 error de uso o de datos de entrada.

            Ejemplos:
              transparencia demo
              transparencia init --profile-from Samples/sosep.toml
              transparencia import metas Samples/metas-sosep-2022.csv
              transparencia check
              transparencia report productos --year 2022
              transparencia export productos --year 2022 --output salida
            """,
        version: version,
        subcommands: [
            InitCommand.self, ImportCommand.self,
            ReportComprasCommand.self,  // temporary: moves into the Report group on merge
        ]
    )

    /// Runs the command and maps every outcome to the house exit codes (0 ok, 1 checks failed, 2 usage or input).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            finish(with: error)
        }
    }

    static func finish(with error: any Error) -> Never {
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
        if exitCode(for: error) == .success { exit(withError: error) }  // --help, --version
        if error is any LocalizedError, !(error is ValidationError) {
            Terminal.printError(error)
            Foundation.exit(2)
        }
        // Usage errors: the parser's message and usage line, but exit 2 instead of EX_USAGE (64).
        Terminal.note(fullMessage(for: error))
        Foundation.exit(2)
    }
}
