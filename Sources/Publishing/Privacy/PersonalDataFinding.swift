import Foundation

/// A published value that looks like personal data, where it is, and a masked excerpt for the message.
public struct PersonalDataFinding: Sendable, Hashable {
    /// The file (`compras.csv`) or document (`ocds`) it would have gone into.
    public var table: String
    /// The column (or OCDS field) it is in.
    public var column: String
    /// 1-based data row (the header is row 0), or nil for a document without rows.
    public var row: Int?
    public var kind: PersonalDataKind
    /// The value with most digits and letters masked, so the message itself does not publish it.
    public var excerpt: String

    public init(table: String, column: String, row: Int?, kind: PersonalDataKind, excerpt: String) {
        self.table = table
        self.column = column
        self.row = row
        self.kind = kind
        self.excerpt = excerpt
    }

    /// `tabla.columna`, as `[laip] columnas_personales_permitidas` names it.
    public var columnKey: String { "\(table).\(column)" }
}
