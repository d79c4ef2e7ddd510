import ArgumentParser
import Foundation
import Publishing

/// `transparencia export ocds`: the institution's procurement as an OCDS 1.1 record package.
struct ExportOcdsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocds",
        abstract: "Exporta las compras como paquete de registros OCDS 1.1 (entregas compiladas).",
        discussion: HelpText.reflow(
            """
            Un registro por NOG de las unidades compradoras del perfil (o de todas, con un perfil en blanco), con
            las convenciones de Guatecompras (ocid ocds-xqjsxa-NOG, partes GT-CISP, GT-GCUC, GT-NIT, GT-GCID) y
            las líneas presupuestarias vinculadas en planning.budget. No incluye ofertas ni oferentes. Valida
            contra el esquema OCDS 1.1.5 y se vuelve a importar con `transparencia import ocds`. Con --package
            entregas escribe un paquete de entregas compiladas: lib-cove-ocds valida ese sin conexión (para un
            paquete de registros descarga el esquema de entregas versionadas).

            Ejemplos:
              transparencia export ocds --year 2022 --output salida/ocds-2022.json
              transparencia export ocds --year 2022 --month 3 --output ocds-marzo.json
              transparencia export ocds --package entregas --output entregas.json
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions

    @Option(name: .long, help: ArgumentHelp("Archivo JSON que se escribe.", valueName: "archivo"))
    var output: String

    /// The package's shape, by its Spanish OCDS name.
    enum PackageArgument: String, CaseIterable, ExpressibleByArgument {
        case registros, entregas
    }

    @Option(
        name: .long,
        help: ArgumentHelp(
            "registros: paquete de registros (como los archivos de Guatecompras); entregas: paquete de entregas "
                + "compiladas (lib-cove-ocds lo valida sin conexión).", valueName: "forma"))
    var package: PackageArgument = .registros

    @Option(
        name: .long, help: ArgumentHelp("URI donde se publicará el paquete (por omisión un urn:).", valueName: "uri"))
    var uri: String?

    @Flag(name: .long, help: "Construye y verifica el paquete sin escribirlo.")
    var dryRun = false

    func run() throws {
        let (datasets, datasetScope) = try ReportRunner(ledgerOptions: ledgerOptions, output: OutputOptions.parse([]))
            .context(scope)
        let records = try OCDSExporter(ledger: datasets.ledger).run(
            OCDSExportRequest(
                scope: datasetScope, file: URL(fileURLWithPath: output),
                package: package == .registros ? .records : .releases, uri: uri, created: ExportCommand.publicationDate,
                dryRun: dryRun))
        if records == 0 {
            Terminal.note("sin datos: no hay compras para exportar; impórtelas con `transparencia import ocds ARCHIVO`")
        }
        Terminal.note(
            dryRun
                ? "se escribirían \(records) registros OCDS en \(output)"
                : "escrito \(output) (\(records) registros OCDS)")
    }
}
