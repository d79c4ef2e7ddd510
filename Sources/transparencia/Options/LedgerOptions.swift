import ArgumentParser
import Domain
import Foundation
import Importers
import Ledger

/// `--db` and `--profile`: which ledger and which institution profile a command works on.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Libro de datos SQLite.", valueName: "ruta"))
    var db = "transparencia.sqlite"

    @Option(
        name: .customLong("profile"),
        help: ArgumentHelp("Perfil de la institución (TOML; por omisión transparencia.toml).", valueName: "ruta"))
    var profileOption: String?

    /// The profile's path: `--profile`, or `transparencia.toml` in the working folder.
    var profile: String { profileOption ?? "transparencia.toml" }

    /// Opens the existing ledger (an error that says to run `init` when it is missing).
    func openLedger() throws -> Ledger {
        try Ledger.open(path: db)
    }

    /// Reads the profile. Without `--profile`, a missing `transparencia.toml` is a blank profile (every entity);
    /// a `--profile` that does not exist is an error, never a silent «todas las entidades».
    func loadProfile() throws -> InstitutionProfile {
        guard FileManager.default.fileExists(atPath: profile) else {
            if let profileOption {
                throw CommandError.message(
                    "no existe el perfil «\(profileOption)»; créelo con `transparencia init --profile \(profileOption)` "
                        + "o revise la ruta")
            }
            return InstitutionProfile()
        }
        return try ProfileReader.read(URL(fileURLWithPath: profile))
    }
}
