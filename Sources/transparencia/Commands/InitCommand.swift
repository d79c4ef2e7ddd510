import ArgumentParser
import Ledger

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Crea el libro de datos.")

    @Option(help: "Ruta del libro de datos SQLite.")
    var db = "transparencia.sqlite"

    func run() async throws {
        let ledger = try Ledger.open(path: db, create: true)
        print("Libro de datos listo: \(ledger.path)")
    }
}
