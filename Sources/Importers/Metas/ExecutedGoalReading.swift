import Domain
import Foundation

/// Reads the executed physical goal of metas rows: a quantity accumulated to the cut-off
/// (``MetasColumns/executedAliases``), or monthly quantities (`enero` … `diciembre`) added up to the cut-off,
/// or both (they must then agree).
///
/// The cut-off month comes from the row's `corte` column, else from `--month`, else — for monthly columns —
/// from the last month with a value anywhere in the file.
struct ExecutedGoalReading {
    /// The column holding the accumulated quantity, if the file has one.
    let accumulatedColumn: String?
    /// The monthly columns present, by month.
    let monthColumns: [(month: Int, column: String)]
    /// The column holding the cut-off month, if the file has one.
    let cutoffColumn: String?
    /// The cut-off month the user gave.
    let optionMonth: Int?
    /// The last month with a value in any row (the cut-off of a monthly report without one).
    let lastMonthWithData: Int?

    init(keys: Set<String>, rows: [RawRow], optionMonth: Int?) {
        accumulatedColumn = MetasColumns.executedAliases.first { keys.contains($0) }
        cutoffColumn = MetasColumns.cutoffAliases.first { keys.contains($0) }
        monthColumns = keys.compactMap { key in MetasColumns.executedMonth(key).map { (month: $0, column: key) } }
            .sorted { $0.month < $1.month }
        self.optionMonth = optionMonth
        let columns = monthColumns
        lastMonthWithData = rows.flatMap { row in columns.filter { !row[$0.column].isEmpty }.map(\.month) }.max()
    }

    /// True when the file has a column of executed goals.
    var isPresent: Bool { accumulatedColumn != nil || !monthColumns.isEmpty }

    /// The row's executed goal, nil when the row gives none (or a diagnostic was recorded).
    func read(_ row: RawRow, ejercicio: Int?, code: String?, parsing: inout FieldParsing) -> ExecutedGoal? {
        let accumulatedText = accumulatedColumn.map { row[$0] } ?? ""
        let hasMonths = monthColumns.contains { !row[$0.column].isEmpty }
        guard !accumulatedText.isEmpty || hasMonths else { return nil }
        guard let mes = cutoff(row, parsing: &parsing) else { return nil }
        var accumulated: Decimal?
        if let accumulatedColumn, !accumulatedText.isEmpty {
            if accumulatedText.contains("%") {
                parsing.fail(
                    row, accumulatedColumn,
                    "«\(accumulatedText)» es un porcentaje; se espera la cantidad ejecutada en la unidad de medida")
                return nil
            }
            guard let value = parsing.quantity(row, accumulatedColumn) else { return nil }
            accumulated = value
        }
        var monthly: Decimal?
        if hasMonths {
            var sum: Decimal = 0
            var readable = true
            for (month, column) in monthColumns where !row[column].isEmpty {
                guard let value = parsing.quantity(row, column) else {
                    readable = false
                    continue
                }
                if month > mes && value != 0 {
                    parsing.fail(
                        row, column,
                        "la columna «\(column)» tiene ejecución (\(row[column])) posterior al mes de corte (\(mes))")
                    readable = false
                }
                if month <= mes { sum += value }
            }
            guard readable else { return nil }
            monthly = sum
        }
        if let accumulated, let monthly, accumulated != monthly, let accumulatedColumn {
            parsing.fail(
                row, accumulatedColumn,
                "la ejecución acumulada \(accumulated) no es la suma de los meses hasta el corte (\(monthly))")
            return nil
        }
        guard let ejercicio, let code, let cantidad = accumulated ?? monthly else { return nil }
        return ExecutedGoal(ejercicio: ejercicio, code: code, mes: mes, cantidad: cantidad)
    }

    /// The row's cut-off month; a diagnostic when it is missing, unreadable or contradicts `--month`.
    private func cutoff(_ row: RawRow, parsing: inout FieldParsing) -> Int? {
        let field = cutoffColumn ?? MetasColumns.cutoffAliases[0]
        if let cutoffColumn, !row[cutoffColumn].isEmpty {
            let text = row[cutoffColumn]
            guard let month = Int(text).flatMap({ (1...12).contains($0) ? $0 : nil }) ?? SpanishMonth.number(text)
            else {
                parsing.fail(row, cutoffColumn, "«\(text)» no es un mes de corte (1 a 12 o el nombre del mes)")
                return nil
            }
            if let optionMonth, optionMonth != month {
                parsing.fail(
                    row, cutoffColumn, "el mes de corte \(month) del archivo no coincide con --month \(optionMonth)")
                return nil
            }
            return month
        }
        if let month = optionMonth ?? lastMonthWithData { return month }
        parsing.fail(
            row, field,
            "la meta ejecutada no dice a qué mes corresponde: indique --month o agregue una columna «corte»")
        return nil
    }
}
