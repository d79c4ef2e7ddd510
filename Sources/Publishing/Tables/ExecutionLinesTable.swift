import Domain
import Foundation
import Ledger

/// `ejecucion`: one row per budget line, streamed from the ledger: its whole key, the names the file printed,
/// asignado, the parts of the modifications where the file gives them (adiciones, disminuciones, traspasos,
/// transferencias — LAIP numeral 7), vigente and the execution amounts (numeral 8).
struct ExecutionLinesTable {
    let ledger: Ledger
    let year: Int?
    let entidad: String?
    let unidad: String?
    let period: Period?
    let title: String
    let emptyReason: String

    static func columns(period: Period?) -> [DataColumn] {
        let amounts = ExecutionAmountColumns(period: period).columns
        return [
            Provenance.ejercicio(),
            Provenance.mes(
                "Mes informado: el de --month (o el último del --cuatrimestre), si no el del corte de la línea"),
            Provenance.fechaCorte, Provenance.entidad("Entidad SICOIN (8 dígitos)"),
            DataColumn(
                "clave_linea", .string,
                "Clave de la línea: ejercicio-entidad-unidad ejecutora-programa-subprograma-proyecto-actividad-obra-"
                    + "renglón-fuente-organismo-correlativo-ubicación; vacía la parte que el archivo no da"),
            DataColumn("unidad_ejecutora", .string, "Unidad ejecutora SICOIN"),
            DataColumn("programa", .string, "Programa presupuestario"),
            DataColumn("subprograma", .string, "Subprograma"),
            DataColumn("proyecto", .string, "Proyecto"), DataColumn("actividad", .string, "Actividad"),
            DataColumn("obra", .string, "Obra"), DataColumn("renglon", .string, "Renglón (objeto del gasto)"),
            DataColumn("grupo", .string, "Grupo de gasto"), DataColumn("fuente", .string, "Fuente de financiamiento"),
            DataColumn("organismo", .string, "Organismo financiador"),
            DataColumn("correlativo", .string, "Correlativo de la fuente y el organismo"),
            DataColumn("ubicacion_geografica", .string, "Ubicación geográfica (departamento y municipio, DDMM)"),
            DataColumn("nombre_programa", .string, "Nombre del programa, como lo imprime el archivo"),
            DataColumn("nombre_actividad", .string, "Nombre de la actividad, como lo imprime el archivo"),
            DataColumn(
                "nombre_renglon", .string, "Nombre del renglón: del catálogo incluido, o del archivo si no está"),
            amounts[0],
            DataColumn(
                "adiciones", .number, "Adiciones (ampliaciones) al presupuesto; vacío si el archivo no las separa"),
            DataColumn("disminuciones", .number, "Disminuciones; vacío si el archivo no las separa"),
            DataColumn(
                "traspasos_positivos", .number, "Traspasos que suman a la línea; vacío si el archivo no los separa"),
            DataColumn(
                "traspasos_negativos", .number, "Traspasos que restan a la línea; vacío si el archivo no los separa"),
            DataColumn(
                "transferencias_positivas", .number, "Transferencias que suman; vacío si el archivo no las separa"),
            DataColumn(
                "transferencias_negativas", .number, "Transferencias que restan; vacío si el archivo no las separa"),
            DataColumn(
                "modificaciones", .number,
                "Modificaciones netas (adiciones − disminuciones ± traspasos ± transferencias): vigente = asignado + modificaciones"
            ),
            amounts[1],
            DataColumn("precomprometido", .number, "Precomprometido al corte; vacío si el archivo no lo da"),
        ] + amounts.dropFirst(2)
    }

    /// - Parameter groupings: totals to keep for the tables written next, when the whole year is listed
    ///   (``ExecutionTotalsBatch``).
    func write(to sink: any TableSink, keepingTotals groupings: Set<ExecutionTotals.Grouping> = []) throws {
        let heading = TableHeading(
            name: Dataset.ejecucion.rawValue, title: title, columns: Self.columns(period: period))
        // The whole year's lines (no period to add months for) go field by field into files that take them.
        let rows = try TableRows(heading, into: sink, fields: period == nil && year != nil)
        if let fieldRows = rows.fieldRows, let year {
            try rows.writing {
                try ExecutionLineFields(ledger: ledger, year: year, entidad: entidad, unidad: unidad).write(
                    to: fieldRows, keepingTotals: groupings)
            }
            try rows.finish(TableFooting(emptyReason: fieldRows.count == 0 ? emptyReason : nil))
            return
        }
        let amountColumns = ExecutionAmountColumns(period: period)
        let catalog = RenglonCatalog.bundled
        var lines = 0
        // Every line of a cut-off prints the same date and month: worked out once per cut-off, not once per line.
        var cutoffDate: (cutoff: ExecutionCutoff, text: String, month: Int64)?
        if let year {
            try ledger.forEachCurrentBudgetLine(ejercicio: year, entidad: entidad, unidadEjecutora: unidad) {
                line, cutoff in
                if period != nil, line.amounts.devengadoMensual.isEmpty {
                    throw PublishingError.noMonthlyBreakdown(lines: 1, of: lines + 1)
                }
                lines += 1
                let key = line.key
                let structure = key.structure
                let amounts = line.amounts
                let parts = amounts.modificaciones
                func money(_ value: Money?) -> Cell { value.map(Cell.money) ?? .empty }
                let fileName = line.names["renglon"].flatMap { $0.contains("\u{FFFD}") ? nil : $0 }
                let amountCells = try amountColumns.cells(amounts)
                if cutoffDate?.cutoff != cutoff { cutoffDate = (cutoff, cutoff.sortDate, Int64(cutoff.month)) }
                let date = cutoffDate?.text ?? cutoff.sortDate
                let month = cutoffDate?.month ?? Int64(cutoff.month)
                var row: [Cell] = [
                    .integer(Int64(key.ejercicio)), .integer(period.map { Int64($0.months.upperBound) } ?? month),
                    .text(date), .text(structure.entidad), .text(key.code),
                    Provenance.text(structure.unidadEjecutora), .text(structure.programa), .text(structure.subprograma),
                    .text(structure.proyecto), .text(structure.actividad), .text(structure.obra),
                    .text(key.renglon.rawValue),
                    .text(key.renglon.grupo.rawValue), Provenance.text(key.fuente), Provenance.text(key.organismo),
                    Provenance.text(key.correlativo), Provenance.text(key.ubicacionGeografica),
                    Provenance.text(line.names["programa"]), Provenance.text(line.names["actividad"]),
                    Provenance.text(catalog.name(of: key.renglon) ?? fileName),
                    amountCells[0],
                ]
                row += [
                    money(parts?.adiciones), money(parts?.disminuciones), money(parts?.traspasosPositivos),
                    money(parts?.traspasosNegativos), money(parts?.transferenciasPositivas),
                    money(parts?.transferenciasNegativas), .money(amounts.modificado), amountCells[1],
                    money(amounts.precomprometido),
                ]
                row += amountCells.dropFirst(2)
                try rows.write(cells: row)
            }
        }
        try rows.finish(TableFooting(emptyReason: lines == 0 ? emptyReason : nil))
    }
}
