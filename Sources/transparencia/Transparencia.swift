import ArgumentParser
import Foundation
import Logging

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
              transparencia fetch guatecompras --year 2024 --month 3 --out datos
              transparencia import metas Samples/metas/metas-sosep-2022.csv
              transparencia check
              transparencia report productos --year 2022
              transparencia export productos --year 2022 --output salida
            """,
        version: version,
        subcommands: [
            InitCommand.self, FetchCommand.self, ImportCommand.self, CheckCommand.self, ReportCommand.self,
            ExportCommand.self, BanderasCommand.self, DemoCommand.self,
        ]
    )

    /// Runs the command and maps every outcome to the house exit codes (0 ok, 1 checks failed, 2 usage or input).
    static func main() async {
        bootstrapLogging()
        do {
            try await runInProcess(nil)
        } catch {
            finish(with: error)
        }
    }

    /// Parses and runs a command line in this process (`nil`: the process's own arguments). `fetch --import`
    /// and `demo` chain commands this way, so they behave exactly as if the user had typed them.
    static func runInProcess(_ arguments: [String]?) async throws {
        var command = try parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    /// Libraries log through swift-log; only the executable decides where logs go: stderr, at the level
    /// in `TRANSPARENCIA_LOG` (`debug`, `info`, …; `warning` by default).
    static func bootstrapLogging() {
        let level = ProcessInfo.processInfo.environment["TRANSPARENCIA_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
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
        Terminal.note(UsageMessage.spanish(fullMessage(for: error)))
        Foundation.exit(2)
    }
}
