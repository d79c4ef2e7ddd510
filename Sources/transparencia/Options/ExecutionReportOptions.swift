import ArgumentParser
import Domain
import Foundation
import Ledger

/// `--year`, `--month`/`--cuatrimestre` and `--entidad`: what an execution report covers.
struct ExecutionReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Ejercicio fiscal.", valueName: "año"))
    var year: Int

    @Option(name: .long, help: ArgumentHelp("Mes (1 a 12): añade el devengado del mes y el acumulado hasta él.", valueName: "n"))
    var month: Int?

    @Option(name: .long, help: ArgumentHelp("Cuatrimestre (1 a 3): añade el devengado del cuatrimestre y el acumulado.", valueName: "n"))
    var cuatrimestre: Int?

    @Option(name: .long, help: ArgumentHelp("Entidad SICOIN (por omisión la del perfil; en blanco, todas).", valueName: "código"))
    var entidad: String?

    @Option(name: .long, help: ArgumentHelp("Unidad ejecutora (por omisión la del perfil).", valueName: "código"))
    var unidadEjecutora: String?

    func validate() throws {
        if month != nil && cuatrimestre != nil { throw ValidationError("use --month o --cuatrimestre, no ambos") }
        if let month, !(1...12).contains(month) { throw ValidationError("--month debe estar entre 1 y 12") }
        if let cuatrimestre, !(1...3).contains(cuatrimestre) { throw ValidationError("--cuatrimestre debe ser 1, 2 o 3") }
    }

    /// The narrower period asked for, or nil for the whole year at its latest cut-off.
    var period: Period? {
        if let month { return Period(year: year, month: month) }
        if let cuatrimestre { return Period(year: year, cuatrimestre: cuatrimestre) }
        return nil
    }

    /// The current budget lines in scope; an error that says what to import when there are none, or when a
    /// period is asked for and the lines have no monthly breakdown.
    func lines(ledger: Ledger, profile: InstitutionProfile) throws -> [BudgetLine] {
        let entidadFilter = entidad ?? profile.sicoinEntidad.nilIfEmpty
        let unidadFilter = unidadEjecutora ?? (entidad == nil ? profile.sicoinUnidadEjecutora.nilIfEmpty : nil)
        let lines = try ledger.currentBudgetLines(ejercicio: year, entidad: entidadFilter, unidadEjecutora: unidadFilter)
        guard !lines.isEmpty else {
            throw CommandError.message(
                "no hay ejecución del ejercicio \(year)\(entidadFilter.map { " para la entidad \($0)" } ?? ""); "
                    + "impórtela con `transparencia import ejecucion ARCHIVO`")
        }
        if period != nil {
            let withoutMonths = lines.filter { $0.amounts.devengadoMensual.isEmpty }
            if !withoutMonths.isEmpty {
                throw CommandError.message(
                    "\(withoutMonths.count) de \(lines.count) líneas no traen devengado mensual; el reporte por mes o "
                        + "cuatrimestre necesita un archivo con columnas de devengado por mes")
            }
        }
        return lines
    }

    /// `2022 (corte 2022-12 …)` for titles.
    func describe(cutoffs: [ExecutionCutoff]) -> String {
        var text = "ejercicio \(year)"
        if let last = cutoffs.last { text += ", corte \(last)" }
        if let period {
            let names = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                         "noviembre", "diciembre"]
            let months = period.months
            text += months.count == 1
                ? "; devengado de \(names[months.lowerBound - 1])"
                : "; devengado de \(names[months.lowerBound - 1])–\(names[months.upperBound - 1])"
        }
        return text
    }
}
