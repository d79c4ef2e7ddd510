import ArgumentParser
import Foundation
import Ledger
import Logging

/// The `transparencia` command: fetch → import → ledger → check → publish.
@main
struct Transparencia: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "transparencia",
        abstract: "Convierte datos de compras y ejecución presupuestaria de Guatemala en datos abiertos verificados.",
        discussion: HelpText.reflow(
            """
            Flujo: fetch → import → link → check → report/reconcile/seguir → export/publish.
            Códigos de salida: 0 correcto · 1 verificaciones fallidas · 2 error de uso o de datos de entrada.

            Ejemplos:
              transparencia demo
              transparencia init --profile-from Samples/sosep.toml
              transparencia fetch guatecompras --year 2024 --month 3 --output datos
              transparencia import metas Samples/metas/metas-sosep-2022.csv
              transparencia link --year 2022
              transparencia reconcile --year 2022 --by producto
              transparencia seguir 17121890
              transparencia check
              transparencia report productos --year 2022
              transparencia export --year 2022 --output salida
              transparencia publish --year 2022 --output sitio
            """),
        version: version,
        subcommands: [
            InitCommand.self, FetchCommand.self, ImportCommand.self, LinkCommand.self, CheckCommand.self,
            ReportCommand.self, ReconcileCommand.self, FollowCommand.self, BanderasCommand.self, ExportCommand.self,
            PublishCommand.self,
            DemoCommand.self,
        ]
    )

    /// Runs the command and maps every outcome to the house exit codes (0 ok, 1 checks failed, 2 usage or input).
    static func main() async {
        bootstrapLogging()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = SubcommandCheck.problem(in: arguments, root: Self.self) {
            Terminal.note("Error: \(problem)")
            Foundation.exit(2)
        }
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
        let level =
            ProcessInfo.processInfo.environment["TRANSPARENCIA_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    static func finish(with error: any Error) -> Never {
        let error = LedgerError.explaining(error)
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
        if exitCode(for: error) == .success {
            // --help and --version: the parser's text, in Spanish, on stdout.
            Terminal.output(UsageMessage.spanish(fullMessage(for: error)) + "\n")
            Foundation.exit(0)
        }
        if error is any LocalizedError, !(error is ValidationError) {
            Terminal.printError(error)
            Foundation.exit(2)
        }
        // Usage errors: the parser's message and usage line, but exit 2 instead of EX_USAGE (64).
        Terminal.note(UsageMessage.spanish(fullMessage(for: error)))
        Foundation.exit(2)
    }
}
