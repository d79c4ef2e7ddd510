import ArgumentParser
import Domain
import Formats
import Foundation
import Importers
import Ledger

/// `transparencia import vinculos FILE…`: files that tie purchases (NOG/NPG, CUR) to budget lines.
struct ImportVinculosCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vinculos",
        abstract: "Importa archivos que vinculan compras con el presupuesto (ejecución por insumo o CUR).",
        discussion: """
            Acepta la ejecución por insumo (`ejecucion_insumo_detalle`: NOG, NPG, programa, actividad, renglón,
            NIT, monto devengado, fecha) y archivos de CUR (NO_CUR, NOG, clase de registro, NIT, monto, fecha
            aprobado; fechas mes/día/año). Las filas se guardan como evidencia para los vínculos del libro.

            Ejemplos:
              transparencia import vinculos Samples/vinculos/vinculos-sosep-2022.csv
              transparencia import vinculos --year 2022 cur-2022.csv
            """
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var importOptions: ImportOptions

    @Option(name: .long, help: ArgumentHelp("Ejercicio fiscal, si el archivo no trae ejercicio ni fechas.", valueName: "año"))
    var year: Int?

    @Argument(help: ArgumentHelp("Archivos de vínculos (CSV).", valueName: "archivo"))
    var files: [String]

    func run() async throws {
        let ledger = try ledgerOptions.openLedger()
        var failed = false
        for path in files {
            let url = URL(fileURLWithPath: path)
            do {
                guard let source = try ImportRunner.newSource(url, kind: "vinculos", options: importOptions, ledger: ledger)
                else { continue }
                let result = try LinkFileImporter.read(url, ejercicio: year)
                if !importOptions.quiet || result.diagnostics.containsErrors { Terminal.printDiagnostics(result.diagnostics) }
                if result.diagnostics.containsErrors && (!importOptions.allowRejects || result.evidence.isEmpty) {
                    Terminal.printError(ImportError.invalidFile(file: url.lastPathComponent, diagnostics: result.diagnostics))
                    failed = true
                    continue
                }
                if importOptions.dryRun {
                    Terminal.note(
                        "\(url.lastPathComponent): \(result.evidence.count) vínculos válidos según la simulación (--dry-run); "
                            + "no se escribió nada")
                    continue
                }
                let outcome = try ledger.importLinkEvidence(
                    result.evidence, source: source, toolVersion: Transparencia.version, rowsRead: result.rowsRead,
                    rowsRejected: result.rowsRejected, diagnostics: result.diagnostics)
                switch outcome {
                case .alreadyImported(let run):
                    Terminal.note("\(url.lastPathComponent): ya importado (corrida \(run.id ?? 0)); sin cambios")
                case .imported(_, let counts):
                    let nogs = Set(result.evidence.compactMap(\.nog)).count
                    Terminal.note("""
                        \(url.lastPathComponent) [\(result.formatDescription), \(result.kind == .cur ? "CUR" : "insumos")]: \
                        \(counts.rowsAccepted) vínculos de \(nogs) NOG (\(counts.rowsRejected) rechazados), \
                        monto \((try? Money.sum(result.evidence.map(\.monto)))?.formatted ?? "fuera de rango")
                        """)
                    try noteUnmatched(result.evidence, ledger: ledger)
                }
            } catch {
                Terminal.printError(error)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// Says how many rows point at no imported budget line (execution not imported yet, or a code mismatch).
    private func noteUnmatched(_ evidence: [LinkEvidence], ledger: Ledger) throws {
        var linesByYear: [Int: [BudgetLine]] = [:]
        var unmatched: [LinkEvidence] = []
        for row in evidence where row.renglon != nil {
            guard let year = row.ejercicio else { continue }
            if linesByYear[year] == nil { linesByYear[year] = try ledger.currentBudgetLines(ejercicio: year) }
            if !(linesByYear[year] ?? []).contains(where: { row.matches($0.key) }) { unmatched.append(row) }
        }
        guard !unmatched.isEmpty else { return }
        let emptyYears = linesByYear.filter { $0.value.isEmpty }.keys.sorted()
        if !emptyYears.isEmpty {
            Terminal.note(
                "aviso: el libro no tiene ejecución de \(emptyYears.map(String.init).joined(separator: ", ")); "
                    + "importe la ejecución para verificar que los vínculos apuntan a líneas presupuestarias")
            return
        }
        Terminal.note(
            "aviso: \(unmatched.count) vínculo(s) no corresponden a ninguna línea de la ejecución importada "
                + "(líneas \(unmatched.prefix(10).map { String($0.sourceLine) }.joined(separator: ", ")))")
    }
}
