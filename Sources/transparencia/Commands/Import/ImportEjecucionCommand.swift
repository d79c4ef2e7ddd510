import ArgumentParser
import Domain
import Importers

/// `transparencia import ejecucion FILE…`: budget execution by budget line (SICOIN CSV, MINFIN open data).
struct ImportEjecucionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ejecucion",
        abstract: "Importa la ejecución presupuestaria por línea (SICOIN/MINFIN: CSV, XLSX o JSON de datos abiertos).",
        discussion: HelpText.reflow(
            """
            Cada archivo es un corte (ejercicio y mes o fecha de corte): un corte posterior reemplaza al anterior
            para las mismas líneas y el historial se conserva. Acepta CSV en UTF-8 o Latin-1, separado por coma
            o punto y coma, con filas de título, totales y subtotales (se verifican contra el detalle), y las
            respuestas JSON `datastore_search` del portal de datos abiertos del MINFIN.

            Validaciones: vigente = asignado + modificaciones; comprometido ≤ vigente; devengado ≤ comprometido
            y ≤ vigente; pagado ≤ devengado; montos no negativos; renglón de tres dígitos (un renglón que el
            catálogo no nombra es advertencia); sin líneas duplicadas; ejercicio cubierto por el catálogo.

            Ejemplos:
              transparencia import ejecucion Samples/ejecucion/ejecucion-sosep-2022.csv
              transparencia import ejecucion --month 4 ejecucion-abril.csv
              transparencia import ejecucion --dry-run datastore_search.json
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var flags: ImportFlags

    @Option(
        name: .long,
        help: ArgumentHelp("Ejercicio fiscal, si el archivo no trae columna de ejercicio.", valueName: "año"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("Mes de corte (1 a 12) de la ejecución del archivo.", valueName: "n"))
    var month: Int?

    @Option(name: .long, help: ArgumentHelp("Fecha de corte exacta (AAAA-MM-DD).", valueName: "fecha"))
    var cutoffDate: String?

    // The Spanish names these options had first; scripts may still use them.
    @Option(name: .customLong("mes"), help: .hidden)
    var legacyMonth: Int?

    @Option(name: .customLong("corte"), help: .hidden)
    var legacyCutoffDate: String?

    private var mes: Int? { month ?? legacyMonth }
    private var corte: String? { cutoffDate ?? legacyCutoffDate }

    @Flag(name: .long, help: "Acepta una página JSON con menos registros que su total (descarga paginada incompleta).")
    var allowPartial = false

    /// A CSV field separator as users type it.
    enum Separator: String, ExpressibleByArgument, CaseIterable {
        case comma = ",", semicolon = ";", tab

        var byte: UInt8 {
            switch self {
            case .comma: UInt8(ascii: ",")
            case .semicolon: UInt8(ascii: ";")
            case .tab: UInt8(ascii: "\t")
            }
        }
    }

    @Option(name: .long, help: ArgumentHelp("Separador de campos del CSV, si no se quiere detectar.", valueName: "sep"))
    var separator: Separator?

    @Option(name: .customLong("separador"), help: .hidden)
    var separador: Separator?

    @Argument(help: ArgumentHelp("Archivos de ejecución (CSV, XLSX o JSON).", valueName: "archivo"))
    var files: [String]

    func validate() throws {
        if let mes, !(1...12).contains(mes) { throw ValidationError("--month debe estar entre 1 y 12") }
        if let corte, !Self.isISODate(corte) {
            throw ValidationError("--cutoff-date debe ser una fecha AAAA-MM-DD")
        }
        if let corte, let mes, let month = Int(corte.dropFirst(5).prefix(2)), month != mes {
            throw ValidationError("--cutoff-date \(corte) no cae en el mes \(mes)")
        }
    }

    /// `2022-08-31`-shaped text with a plausible month and day.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]),
            Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    func run() throws {
        let options = ImportOptions(
            year: year, month: mes, cutoffDate: corte, allowPartialPage: allowPartial,
            separator: (separator ?? separador)?.byte)
        try ImportCommandRunner(ledgerOptions: ledgerOptions, flags: flags).run(
            files, kind: .ejecucion, options: options)
    }
}
