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
    public var rules: ExecutionRules

    public init(
        ejercicio: Int? = nil, mes: Int? = nil, fechaCorte: String? = nil, allowPartialPage: Bool = false,
        rules: ExecutionRules = ExecutionRules()
    ) {
        self.ejercicio = ejercicio
        self.mes = mes
        self.fechaCorte = fechaCorte
        self.allowPartialPage = allowPartialPage
        self.rules = rules
    }
}
