import Domain
import Foundation

/// Checks totals and subtotals rows against the detail rows as the rows go by, without keeping the detail
/// rows.
///
/// A totals row sums every detail row; a subtotal row without codes sums the rows since the previous
/// subtotal; a row with codes (`SUBTOTAL PROGRAMA 11`) sums every detail row of the file with those codes,
/// including rows below it. Those coded sums can only be kept if the codes are known before reading, so a
/// file with coded totals rows is read once more with its filters given (see ``unresolvedFilters``).
struct ExecutionTotalsCheck {
    /// The codes a totals row is restricted to.
    typealias Filter = [ExecutionField: String]

    /// Added-up amounts of some detail rows, and how many.
    struct Sum {
        var amounts = ExecutionAmounts.zero
        var count = 0

        mutating func add(_ other: ExecutionAmounts) throws(MoneyOverflowError) {
            try amounts.add(other)
            count += 1
        }
    }

    /// A totals or subtotals row, kept until the end to compare with the detail rows.
    private struct AggregateRow {
        var line: Int
        var label: String
        var filters: Filter
        var amounts: [ExecutionField: Money]
        /// For a subtotal row: the detail rows since the previous subtotal.
        var block: Sum?
    }

    /// One totals amount that does not match the detail rows it sums.
    struct Mismatch {
        var line: Int
        var label: String
        var field: ExecutionField
        var stated: Money
        var actual: Money
        var rows: Int
    }

    static let totalledFields: [ExecutionField] = [
        .asignado, .modificado, .vigente, .comprometido, .devengado, .pagado,
    ]

    private var aggregates: [AggregateRow] = []
    private var grand = Sum()
    private var block = Sum()
    private var filtered: [Filter: Sum]

    /// - Parameter filters: the codes of the file's coded totals rows, when a previous reading found them.
    init(filters: Set<Filter> = []) {
        filtered = Dictionary(uniqueKeysWithValues: filters.map { ($0, Sum()) })
    }

    /// How many totals rows were found.
    var count: Int { aggregates.count }

    /// Coded totals rows whose codes were not known before reading: their sums are incomplete.
    var unresolvedFilters: Set<Filter> {
        Set(aggregates.map(\.filters).filter { !$0.isEmpty && filtered[$0] == nil })
    }

    /// Adds a readable detail row (accepted or not, so one bad row does not also make the totals look wrong).
    /// - Throws: ``MoneyOverflowError`` when a sum leaves 64-bit centavos; the sums are then partial.
    mutating func addDetail(key: BudgetKey, amounts: ExecutionAmounts) throws(MoneyOverflowError) {
        try grand.add(amounts)
        try block.add(amounts)
        for (filter, sum) in filtered where filter.allSatisfy({ Self.code(of: $0.key, in: key) == $0.value }) {
            var updated = sum
            try updated.add(amounts)
            filtered[filter] = updated
        }
    }

    /// Records a totals row where it appears.
    mutating func addAggregate(
        line: Int, label: String, filters: Filter, amounts: [ExecutionField: Money], isSubtotal: Bool
    ) {
        aggregates.append(
            AggregateRow(line: line, label: label, filters: filters, amounts: amounts, block: isSubtotal ? block : nil))
        if isSubtotal { block = Sum() }
    }

    /// Every stated amount that differs from the rows it sums, in file order (rows with unresolved codes are skipped).
    func mismatches() -> [Mismatch] {
        var out: [Mismatch] = []
        for aggregate in aggregates {
            let rows: Sum
            if !aggregate.filters.isEmpty {
                guard let sum = filtered[aggregate.filters] else { continue }
                rows = sum
            } else {
                rows = aggregate.block ?? grand
            }
            let sum = rows.amounts
            let computed: [ExecutionField: Money] = [
                .asignado: sum.asignado, .modificado: sum.modificado, .vigente: sum.vigente,
                .comprometido: sum.comprometido ?? .zero, .devengado: sum.devengado, .pagado: sum.pagado,
            ]
            for field in Self.totalledFields {
                guard let stated = aggregate.amounts[field], let actual = computed[field], stated != actual else {
                    continue
                }
                out.append(
                    Mismatch(
                        line: aggregate.line, label: aggregate.label, field: field, stated: stated, actual: actual,
                        rows: rows.count))
            }
        }
        return out
    }

    /// The code of a key field, as totals rows filter by it.
    private static func code(of field: ExecutionField, in key: BudgetKey) -> String? {
        switch field {
        case .entidad: key.structure.entidad
        case .unidadEjecutora: key.structure.unidadEjecutora ?? ""
        case .programa: key.structure.programa
        case .subprograma: key.structure.subprograma
        case .proyecto: key.structure.proyecto
        case .actividad: key.structure.actividad
        case .obra: key.structure.obra
        case .renglon: key.renglon.rawValue
        case .fuente: key.fuente ?? ""
        case .organismo: key.organismo ?? ""
        case .correlativo: key.correlativo ?? ""
        case .ubicacionGeografica: key.ubicacionGeografica ?? ""
        default: nil
        }
    }
}
