import ArgumentParser
import Domain
import Publishing

/// `--year`, `--month`/`--cuatrimestre`, `--entity`, `--executing-unit`: what a report or export covers.
struct ScopeOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Ejercicio fiscal (por omisión, el del perfil o el más reciente del libro).", valueName: "año"))
    var year: Int?

    @Option(
        name: .long,
        help: ArgumentHelp("Mes (1 a 12): añade el devengado del mes y el acumulado hasta él.", valueName: "n"))
    var month: Int?

    @Option(
        name: .long,
        help: ArgumentHelp("Cuatrimestre (1 a 3): añade el devengado del cuatrimestre y el acumulado.", valueName: "n"))
    var cuatrimestre: Int?

    @Option(
        name: .long,
        help: ArgumentHelp("Entidad SICOIN (por omisión la del perfil; \"\" para todas).", valueName: "código"))
    var entity: String?

    @Option(
        name: .long, help: ArgumentHelp("Unidad ejecutora SICOIN (por omisión la del perfil).", valueName: "código"))
    var executingUnit: String?

    // Earlier Spanish spellings of the two options above, kept so scripts keep working.
    @Option(name: .customLong("entidad"), help: .hidden)
    var legacyEntity: String?

    @Option(name: .customLong("unidad-ejecutora"), help: .hidden)
    var legacyExecutingUnit: String?

    func validate() throws {
        if month != nil && cuatrimestre != nil { throw ValidationError("use --month o --cuatrimestre, no ambos") }
        if let month, !(1...12).contains(month) { throw ValidationError("--month debe estar entre 1 y 12") }
        if let cuatrimestre, !(1...3).contains(cuatrimestre) {
            throw ValidationError("--cuatrimestre debe ser 1, 2 o 3")
        }
        if let year, !(2000...2100).contains(year) {
            throw ValidationError("--year \(year) no es un ejercicio plausible")
        }
    }

    /// The scope these options describe for an institution.
    func scope(_ profile: InstitutionProfile) -> DatasetScope {
        DatasetScope(
            year: year, month: month, cuatrimestre: cuatrimestre, entity: entity ?? legacyEntity,
            executingUnit: executingUnit ?? legacyExecutingUnit, profile: profile)
    }
}
