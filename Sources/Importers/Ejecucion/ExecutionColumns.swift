import Domain
import Foundation

/// The columns of an execution table resolved once from its header, as arrays the row mapping indexes: a row is
/// read without a dictionary lookup per cell (looking a field up hashed its name: a quarter of the row mapping's
/// time on a national file).
struct ExecutionColumns {
    /// A code column of the budget key, in ``ExecutionField/keyWidths`` order.
    struct Code {
        let field: ExecutionField
        /// Index in the row's array of these codes.
        let position: Int
        let width: Int
        /// The column of the code, if the file has it.
        let column: Int?
        /// The column of its name, if the file prints the name apart.
        let nameColumn: Int?
    }

    /// The key's codes, in ``ExecutionField/keyWidths`` order (positions are ``ExecutionField/keyPosition``).
    let codes: [Code]
    /// The classification codes the file has (as a code or a name column), in
    /// ``ExecutionField/classificationWidths`` order.
    let classifications: [Code]
    let renglon: Int?
    let renglonName: Int?
    let ejercicio: Int?
    let mes: Int?
    /// The amount columns the file has, in ``ExecutionField/amountOrder`` (`position` is the index there).
    let amounts: [(field: ExecutionField, position: Int, column: Int)]
    /// The monthly devengado columns, by month.
    let months: [(month: Int, column: Int)]
    /// True for the columns that may hold a totals label (any but amounts and months).
    let mayHoldLabel: [Bool]
    /// True when the file prints any part of the modifications (adiciones, traspasos…).
    let hasModificationParts: Bool

    init(_ header: ExecutionHeader) {
        codes = ExecutionField.keyWidths.enumerated().map { position, entry in
            Code(
                field: entry.0, position: position, width: entry.1, column: header.codeColumns[entry.0],
                nameColumn: header.nameColumns[entry.0])
        }
        classifications = ExecutionField.classificationWidths.enumerated().compactMap { position, entry in
            let (field, width) = entry
            guard header.has(field) || header.nameColumns[field] != nil else { return nil }
            return Code(
                field: field, position: position, width: width, column: header.codeColumns[field],
                nameColumn: header.nameColumns[field])
        }
        renglon = header.codeColumns[.renglon]
        renglonName = header.nameColumns[.renglon]
        ejercicio = header.codeColumns[.ejercicio]
        mes = header.codeColumns[.mes]
        amounts = ExecutionField.amountOrder.enumerated().compactMap { position, field in
            header.codeColumns[field].map { (field, position, $0) }
        }
        months = header.monthColumns.sorted { $0.key < $1.key }.map { (month: $0.key, column: $0.value) }
        var mayHoldLabel = Array(repeating: true, count: header.original.count)
        for column in amounts.map(\.column) + months.map(\.column) where column < mayHoldLabel.count {
            mayHoldLabel[column] = false
        }
        self.mayHoldLabel = mayHoldLabel
        hasModificationParts = header.hasModificationParts
    }
}
