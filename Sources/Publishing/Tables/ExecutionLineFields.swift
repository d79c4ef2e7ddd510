import Domain
import Foundation
import Ledger

/// `ejecucion`'s rows for a whole year written field by field from the ledger's rows in place: the same values
/// ``ExecutionLinesTable`` gives as cells (tested byte for byte), without a ``BudgetLine`` or a `Cell` array per
/// line.
struct ExecutionLineFields {
    let ledger: Ledger
    let year: Int
    let entidad: String?
    let unidad: String?

    /// - Parameter groupings: totals the ledger adds up while the lines go by, for the tables written next.
    func write(to rows: FieldRowWriter, keepingTotals groupings: Set<ExecutionTotals.Grouping> = []) throws {
        var scratch = Scratch()
        try ledger.forEachCurrentBudgetLineRow(
            ejercicio: year, entidad: entidad, unidadEjecutora: unidad, keepingTotals: groupings
        ) { line in
            try rows.writeRow { row in Self.write(line, into: &row, scratch: &scratch) }
        }
    }

    /// What rows reuse: the line code's buffer, and the cut-off's date and month (every line of a cut-off prints
    /// the same, worked out once per cut-off).
    private struct Scratch {
        var code: [UInt8] = []
        var cutoff: (cutoff: ExecutionCutoff, text: String, month: Int64)?
        let catalog = RenglonCatalog.bundled
    }

    private static func write(_ line: BudgetLineRowView, into row: inout FieldRow, scratch: inout Scratch) {
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        func text(_ column: BudgetLineColumn) { row.text(line.text(column) ?? empty) }
        func optionalText(_ column: BudgetLineColumn) { row.optionalText(line.text(column)) }
        func money(_ column: BudgetLineColumn) -> Int64 { line.integer(column) ?? 0 }
        if scratch.cutoff?.cutoff != line.cutoff {
            scratch.cutoff = (line.cutoff, line.cutoff.sortDate, Int64(line.cutoff.month))
        }
        row.integer(Int64(line.ejercicio))
        row.integer(scratch.cutoff?.month ?? 12)
        row.text(scratch.cutoff?.text ?? "")
        text(.entidad)
        lineCode(line, into: &scratch.code)
        scratch.code.withUnsafeBufferPointer { row.text($0) }
        optionalText(.unidadEjecutora)
        for column in [BudgetLineColumn.programa, .subprograma, .proyecto, .actividad, .obra] { text(column) }
        row.text(line.renglon.rawValue)
        row.text(line.renglon.grupo.rawValue)
        for column in [BudgetLineColumn.fuente, .organismo, .correlativo, .ubicacionGeografica] {
            optionalText(column)
        }
        row.optionalText(line.names["programa"])
        row.optionalText(line.names["actividad"])
        let fileName = line.names["renglon"].flatMap { $0.contains("\u{FFFD}") ? nil : $0 }
        row.optionalText(scratch.catalog.name(of: line.renglon) ?? fileName)
        row.money(money(.asignado))
        for column in [
            BudgetLineColumn.adiciones, .disminuciones, .traspasosPositivos, .traspasosNegativos,
            .transferenciasPositivas, .transferenciasNegativas,
        ] {
            row.optionalCentavos(line.integer(column))
        }
        row.money(money(.modificado))
        let vigente = money(.vigente)
        row.money(vigente)
        row.optionalCentavos(line.integer(.precomprometido))
        row.optionalCentavos(line.integer(.comprometido))
        let devengado = money(.devengado)
        row.money(devengado)
        row.money(money(.pagado))
        if let percent = Money(centavos: devengado).percentUnits(of: Money(centavos: vigente)) {
            row.units(percent, places: 2)
        } else {
            row.empty()
        }
    }

    /// `BudgetKey.code` from the row's texts: the year and every code after it, `-` between, absent ones empty.
    private static func lineCode(_ line: BudgetLineRowView, into code: inout [UInt8]) {
        code.removeAll(keepingCapacity: true)
        NumberBytes.appendInteger(Int64(line.ejercicio), into: &code)
        for column in Self.codeColumns {
            code.append(UInt8(ascii: "-"))
            if let bytes = line.text(column) { code.append(contentsOf: bytes) }
        }
    }

    private static let codeColumns: [BudgetLineColumn] = [
        .entidad, .unidadEjecutora, .programa, .subprograma, .proyecto, .actividad, .obra, .renglon, .fuente,
        .organismo, .correlativo, .ubicacionGeografica,
    ]
}
