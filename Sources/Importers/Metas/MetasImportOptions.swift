import Foundation

/// What the user tells `import metas` that a file may not say itself.
public struct MetasImportOptions: Sendable, Hashable {
    /// The fiscal year, for files of executed goals without an `ejercicio` column.
    public var ejercicio: Int?
    /// The cut-off month (1…12) of the executed goals, for files without a `corte` column.
    public var mes: Int?

    public init(ejercicio: Int? = nil, mes: Int? = nil) {
        self.ejercicio = ejercicio
        self.mes = mes
    }
}
