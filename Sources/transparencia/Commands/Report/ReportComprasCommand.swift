import ArgumentParser
import Domain
import Foundation
import Ledger
import Publishing

/// `transparencia report compras`: imported procurement with its awards, and totals by modality and status.
struct ReportComprasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compras",
        abstract: "Lista las compras importadas con sus adjudicaciones y totales por modalidad y por estado.",
        discussion: """
            Una línea por adjudicación (proveedor con NIT y monto); los procesos sin adjudicación aparecen con
            el proveedor vacío. Los montos no informados por la fuente quedan vacíos, nunca en cero, y los
            totales indican cuántas adjudicaciones no tienen monto. El año es el de publicación en hora de
            Guatemala. Sin --unit se muestran las unidades compradoras del perfil (sección [guatecompras]);
            con un perfil en blanco, todas. En pantalla se ven la lista y los totales; en CSV y JSON, la lista,
            o los totales con --totales.

            Ejemplos:
              transparencia report compras --year 2022
              transparencia report compras --year 2022 --unit 436-2 --modality cotizacion
              transparencia report compras --format csv --output compras-2022.csv
              transparencia report compras --year 2022 --totales modalidad --format json
            """
    )

    /// Which totals table `--totales` asks for.
    enum TotalsKind: String, CaseIterable, ExpressibleByArgument {
        case modalidad, estado
    }

    @Option(name: .long, help: ArgumentHelp("Año de publicación.", valueName: "año"))
    var year: Int?

    @Option(
        name: .long, help: ArgumentHelp("Unidad compradora: código (436-2) o parte del nombre.", valueName: "unidad"))
    var unit: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Modalidad: código del catálogo o nombre (p. ej. «cotización»).", valueName: "modalidad"))
    var modality: String?

    @Option(name: .customLong("totales"), help: "En lugar de la lista, los totales por modalidad o por estado.")
    var totals: TotalsKind?

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        let catalog = ModalityCatalog.bundled
        var modalityCode: String?
        if let modality {
            guard let found = catalog.modality(code: modality) ?? catalog.modality(matching: modality) else {
                throw CommandError.message(
                    "modalidad «\(modality)» desconocida; use un código o nombre del catálogo de modalidades")
            }
            modalityCode = found.code
        }
        let ledger = try ledgerOptions.openLedger()
        let profile = try ledgerOptions.loadProfile()
        let procurements = try ledger.procurements(
            year: year, unit: unit, guatecomprasEntity: unit == nil ? profile.guatecomprasEntidad.nilIfEmpty : nil,
            guatecomprasUnits: profile.guatecomprasUnidades, modalityCode: modalityCode)
        let modalityLabel = { (code: String) in catalog.modality(code: code)?.shortName ?? code }
        let byModality = ProcurementTables.totals(
            try ProcurementTotals(procurements, key: \.modalityCode, label: modalityLabel), name: "compras_por_modalidad",
            title: "Totales por modalidad", keyColumn: "modalidad")
        let byStatus = ProcurementTables.totals(
            try ProcurementTotals(procurements, key: \.status, label: { $0 }), name: "compras_por_estado",
            title: "Totales por estado", keyColumn: "estado")
        let list = ProcurementTables.awards(
            procurements, title: "Compras registradas\(filterDescription(profile)): \(procurements.count) procesos",
            modalityLabel: modalityLabel)
        switch totals {
        case .modalidad?: try outputOptions.emit(byModality)
        case .estado?: try outputOptions.emit(byStatus)
        case nil:
            let screen = [list.selecting(Self.screenColumns), byModality, byStatus].map { TextTableRenderer.render($0) }
            try outputOptions.emit(list, text: screen.joined(separator: "\n"))
        }
    }

    /// The columns a terminal shows.
    static let screenColumns = [
        "nog", "fecha_publicacion", "modalidad", "estado", "proveedor_id", "proveedor_nombre", "monto_adjudicado",
        "descripcion",
    ]

    private func filterDescription(_ profile: InstitutionProfile) -> String {
        var filters: [String] = []
        if let year { filters.append("año \(year)") }
        if let unit {
            filters.append("unidad \(unit)")
        } else if !profile.guatecomprasEntidad.isEmpty {
            filters.append(profile.displayName)
        }
        if let modality { filters.append("modalidad «\(modality)»") }
        return filters.isEmpty ? "" : " (" + filters.joined(separator: ", ") + ")"
    }
}
