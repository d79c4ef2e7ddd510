import ArgumentParser
import Domain
import Ledger

/// `--year` and `--entidad`: which fiscal year and which entity a report covers.
struct ScopeOptions: ParsableArguments {
    @Option(name: .long, help: "Ejercicio fiscal (por omisión, el del perfil o el más reciente del libro).")
    var year: Int?

    @Option(name: .long, help: "Entidad SICOIN (por omisión la del perfil; con un perfil en blanco, todas).")
    var entidad: String?

    /// The entidad and unidad ejecutora to filter by: `--entidad` wins; else the profile's; else none.
    func entityFilter(_ profile: InstitutionProfile) -> (entidad: String?, unidadEjecutora: String?) {
        if let entidad { return (entidad.nilIfEmpty, nil) }
        return (profile.sicoinEntidad.nilIfEmpty, profile.sicoinUnidadEjecutora.nilIfEmpty)
    }

    /// The fiscal year to report: `--year`, the profile's, or the newest in the ledger.
    func resolvedYear(_ profile: InstitutionProfile, available: [Int]) throws -> Int {
        if let year { return year }
        if let year = profile.ejercicio { return year }
        guard let newest = available.first else {
            throw CommandError.message("el libro de datos no tiene metas; importe un archivo con `transparencia import metas`")
        }
        return newest
    }
}
