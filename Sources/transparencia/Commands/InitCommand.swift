import ArgumentParser
import Domain
import Foundation
import Importers
import Ledger

/// `transparencia init`: creates (or migrates) the ledger and writes the institution profile.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Crea el libro de datos SQLite y el perfil de la institución.",
        discussion: HelpText.reflow(
            """
            Sin --profile-from escribe un perfil en blanco (cubre todas las entidades del libro). Un perfil
            existente no se sobrescribe sin --force. Un libro existente se actualiza a la versión actual
            del esquema sin perder datos.

            Ejemplos:
              transparencia init
              transparencia init --profile-from Samples/sosep.toml
              transparencia init --db /datos/nacional.sqlite --profile nacional.toml
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions

    @Option(name: .long, help: ArgumentHelp("Copia este perfil (TOML) como perfil de trabajo.", valueName: "ruta"))
    var profileFrom: String?

    @Flag(name: .long, help: "Reemplaza un perfil existente.")
    var force = false

    @Flag(name: .long, help: "Dice qué se crearía sin escribir nada.")
    var dryRun = false

    func run() async throws {
        if dryRun {
            let manager = FileManager.default
            Terminal.note(
                manager.fileExists(atPath: ledgerOptions.db)
                    ? "El libro de datos «\(ledgerOptions.db)» ya existe: se actualizaría su esquema si hiciera falta."
                    : "Se crearía el libro de datos «\(ledgerOptions.db)».")
            Terminal.note(
                manager.fileExists(atPath: ledgerOptions.profile) && !force
                    ? "El perfil «\(ledgerOptions.profile)» ya existe: se conservaría."
                    : "Se escribiría el perfil «\(ledgerOptions.profile)»\(profileFrom.map { " desde «\($0)»" } ?? " en blanco")."
            )
            return
        }
        let existed = FileManager.default.fileExists(atPath: ledgerOptions.db)
        let ledger = try Ledger.open(path: ledgerOptions.db, create: true)
        let migrations = try ledger.appliedMigrations().count
        Terminal.note(
            existed
                ? "Libro de datos «\(ledger.path)» ya existía; esquema al día (\(migrations) migraciones)."
                : "Libro de datos «\(ledger.path)» creado (\(migrations) migraciones).")
        try ProfileSetup.write(to: ledgerOptions.profile, from: profileFrom, force: force)
    }
}

/// Writes the working profile: a copy of a given one (validated first) or the blank template.
enum ProfileSetup {
    static func write(to path: String, from source: String?, force: Bool) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path)
        let text: String
        if let source {
            let sourceURL = URL(fileURLWithPath: source)
            guard manager.fileExists(atPath: source) else { throw CommandError.missingFile(source) }
            let profile = try ProfileReader.read(sourceURL)
            text = try String(contentsOf: sourceURL, encoding: .utf8)
            if manager.fileExists(atPath: path), !force {
                if (try? String(contentsOf: target, encoding: .utf8)) == text { return }
                Terminal.note(
                    "El perfil «\(path)» ya existe y es distinto de «\(source)»; se conserva (use --force para reemplazarlo)."
                )
                return
            }
            try Data(text.utf8).write(to: target, options: .atomic)
            Terminal.note("Perfil «\(path)» escrito desde «\(source)» (\(profile.displayName)).")
        } else {
            if manager.fileExists(atPath: path) && !force {
                Terminal.note("Perfil «\(path)» ya existe; se conserva.")
                return
            }
            try Data(ProfileTemplate.blank.utf8).write(to: target, options: .atomic)
            Terminal.note(
                "Perfil en blanco «\(path)» escrito: los reportes cubrirán todas las entidades. Edítelo con los datos de su institución."
            )
        }
    }
}
