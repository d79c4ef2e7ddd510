import Domain
import Foundation
import GRDB

extension Ledger {
    /// Streams the current state of every budget line of a fiscal year (latest cut-off, then latest import),
    /// optionally narrowed to one entidad / unidad ejecutora, in key order, one line at a time with the cut-off
    /// its amounts come from.
    ///
    /// Nothing but the line being handed over is held in memory (SQLite sorts on disk when it must), so a
    /// national year of hundreds of thousands of lines exports in bounded memory.
    public func forEachCurrentBudgetLine(
        ejercicio: Int, entidad: String? = nil, unidadEjecutora: String? = nil,
        _ body: (BudgetLine, ExecutionCutoff) throws -> Void
    ) throws {
        try read { db in
            let current = try CurrentLineFilter(
                db, ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora)
            // Lines in key order straight from `budget_line_on_key` (the ORDER BY spells its expressions, absent
            // codes as '', which is also `BudgetKey.parts`' order), each joined to its current snapshot line:
            // no window over every snapshot line and no sort of the year. Its months are columns 37…48.
            let cursor = try Row.fetchCursor(
                db, sql: Self.currentLinesSQL(current, months: true), arguments: StatementArguments(current.values))
            var names = BudgetNamesCache()
            while let row = try cursor.next() {
                guard let renglon = Renglon(rawValue: row[8]) else { continue }
                let lineYear: Int = row[0]
                let key = BudgetKey(
                    ejercicio: lineYear, entidad: row[1], unidadEjecutora: row[2], programa: row[3],
                    subprograma: row[4],
                    proyecto: row[5], actividad: row[6], obra: row[7], renglon: renglon, fuente: row[9],
                    organismo: row[10],
                    correlativo: row[11], ubicacionGeografica: row[12])
                let classification = BudgetClassification(
                    tipoPresupuesto: row[13], finalidad: row[14], funcion: row[15], division: row[16],
                    departamento: row[17], subgrupo: row[18], region: row[19])
                func money(_ index: Int) -> Money? { (row[index] as Int64?).map(Money.init(centavos:)) }
                let amounts = ExecutionAmounts(
                    asignado: money(22) ?? .zero, modificado: money(23) ?? .zero, vigente: money(24) ?? .zero,
                    precomprometido: money(25), comprometido: money(26), devengado: money(27) ?? .zero,
                    pagado: money(28) ?? .zero, devengadoMensual: Self.months(row, from: 37),
                    modificaciones: BudgetModifications.stored(
                        adiciones: row[29], disminuciones: row[30], traspasosPositivos: row[31],
                        traspasosNegativos: row[32], transferenciasPositivas: row[33], transferenciasNegativas: row[34])
                )
                let line = BudgetLine(
                    key: key, amounts: amounts, classification: classification, names: names.decode(row[20]),
                    sourceLine: row[21])
                try body(line, ExecutionCutoff(ejercicio: lineYear, mes: row[35], fechaCorte: row[36]))
            }
        }
    }

    /// The current lines' query, in key order straight from `budget_line_on_key` (the ORDER BY spells its
    /// expressions, absent codes as '', which is also `BudgetKey.parts`' order), each joined to its current
    /// snapshot line: no window over every snapshot line and no sort of the year. Its columns are
    /// ``BudgetLineColumn``'s, then, with `months`, the twelve months (37…48): SQLite computes every column it
    /// selects for every line, and a whole year's rows never read the months; then `extra`.
    static func currentLinesSQL(_ current: CurrentLineFilter, months: Bool, then extra: [String] = []) -> String {
        let columns =
            BudgetLineColumn.allCases.map(\.expression)
            + (months ? BudgetSnapshotLineRecord.monthColumnNames.map { "bsl.\($0)" } : []) + extra
        return """
            SELECT \(columns.joined(separator: ", "))
            FROM budget_line bl
            JOIN budget_snapshot_line bsl ON bsl.budget_line_id = bl.id
            JOIN budget_snapshot bs ON bs.id = bsl.budget_snapshot_id
            WHERE \(current.conditions.joined(separator: " AND "))
            ORDER BY \(BudgetKeyOrder.sql("bl"))
            """
    }

    /// The twelve monthly columns starting at `first` as a month → amount map (NULL months left out).
    static func months(_ row: Row, from first: Int) -> MonthlyAmounts {
        var months = MonthlyAmounts()
        for month in 1...12 {
            if let centavos = row[first + month - 1] as Int64? { months[month] = Money(centavos: centavos) }
        }
        return months
    }
}

/// Decoded `nombres` objects by their JSON text: thousands of lines share the same few names, and decoding
/// JSON for each line would cost more than everything else an export does with it.
struct BudgetNamesCache {
    private var decoded: [String: [String: String]] = [:]

    /// The last text decoded from bytes and its names: lines in key order mostly repeat their neighbour's.
    private var last: (text: [UInt8], names: [String: String])?

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: String] {
        if let last, last.text.elementsEqual(bytes) { return last.names }
        let names = decode(String(decoding: bytes, as: UTF8.self))
        last = (Array(bytes), names)
        return names
    }

    mutating func decode(_ text: String) -> [String: String] {
        if let names = decoded[text] { return names }
        let names = (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
        // A national file's distinct name sets stay in the thousands; the bound only guards a pathological one.
        if decoded.count > 50_000 { decoded.removeAll(keepingCapacity: true) }
        decoded[text] = names
        return names
    }
}
