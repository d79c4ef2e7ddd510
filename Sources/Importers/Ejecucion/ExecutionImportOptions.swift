import Domain
import Foundation

/// What the user tells an execution import that the file may not say.
public struct ExecutionImportOptions: Sendable {
    /// The fiscal year, for files without an `ejercicio` column (or to assert it).
    public var ejercicio: Int?
    /// The month the file's execution runs to (1…12).
    public var mes: Int?
    /// The exact cut-off date (ISO `2022-08-31`).
    public var fechaCorte: String?
    /// Accept a CKAN page whose records are fewer than its total.
    public var allowPartialPage: Bool
    /// The field separator of a CSV file (`,` `;` or tab), to force it instead of sniffing it.
    public var delimiter: UInt8?
    /// Undamaged names already in the ledger, by what they name: a faithful source to repair a damaged copy.
    public var knownNames: [BudgetNameKey: String]
    public var rules: ExecutionRules

    public init(
        ejercicio: Int? = nil, mes: Int? = nil, fechaCorte: String? = nil, allowPartialPage: Bool = false,
        delimiter: UInt8? = nil, knownNames: [BudgetNameKey: String] = [:], rules: ExecutionRules = ExecutionRules()
    ) {
        self.knownNames = knownNames
        self.ejercicio = ejercicio
        self.mes = mes
        self.fechaCorte = fechaCorte
        self.allowPartialPage = allowPartialPage
        self.delimiter = delimiter
        self.rules = rules
    }
}
