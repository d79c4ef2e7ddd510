import ArgumentParser

/// `--buying-unit` and `--modality`: which procurement a report lists.
struct ProcurementFilterOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Unidad compradora de Guatecompras: código (436-2) o parte del nombre.", valueName: "unidad")
    )
    var buyingUnit: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Modalidad: código del catálogo o nombre (p. ej. «cotización»).", valueName: "modalidad"))
    var modality: String?

    // `--unit` named the buying unit before; it was easy to read as the unidad ejecutora.
    @Option(name: .customLong("unit"), help: .hidden)
    var legacyBuyingUnit: String?

    var unit: String? { buyingUnit ?? legacyBuyingUnit }
}
