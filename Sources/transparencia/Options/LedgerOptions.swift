import ArgumentParser
import Domain
import Foundation
import Importers
import Ledger

/// `--db` and `--profile`: which ledger and which institution profile a command works on.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Libro de datos SQLite.", valueName: "ruta"))
    var db = "transparencia.sqlite"

    @Option(name: .long, help: ArgumentHelp("Perfil de la institución (TOML).", valueName: "ruta"))
    var profile = "transparencia.toml"

    /// Opens the existing ledger (an error that says to run `init` when it is missing).
    func openLedger() throws -> Ledger {
        try Ledger.open(path: db)
    }

    /// Reads the profile; a missing profile file is a blank profile (every entity).
    func loadProfile() throws -> InstitutionProfile {
        guard FileManager.default.fileExists(atPath: profile) else { return InstitutionProfile() }
        return try ProfileReader.read(URL(fileURLWithPath: profile))
    }
}
