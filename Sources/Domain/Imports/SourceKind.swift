import Foundation

/// What a file is imported as: one case per importer. The raw value is stored in `import_run.source_kind`, so
/// it never changes once released (a re-import is recognized by kind and SHA-256).
public enum SourceKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Products and subproducts with metas físicas and budget (CSV or JSON).
    case metas
    /// A published summary table: amount and declared share per product.
    case resumen
    /// Guatecompras OCDS packages (records or releases; JSON, JSON Lines or ZIP).
    case ocds
    /// Guatecompras/MINFIN flat procurement exports (CSV, XLSX, JSON), one row per award line.
    case compras = "compras-flat"
    /// NOG detail pages saved from guatecompras.gt.
    case nogHTML = "nog-html"
    /// Budget execution by budget line (SICOIN, MINFIN open data).
    case ejecucion
    /// Evidence tying purchases to budget lines (input-level execution, CUR).
    case vinculos

    /// The `transparencia import` subcommand that reads this kind.
    public var commandName: String {
        switch self {
        case .compras: "compras"
        default: rawValue
        }
    }

    /// The kind an `import` subcommand name stands for (`compras`, `nog-html`, …).
    public init?(commandName: String) {
        guard let kind = Self.allCases.first(where: { $0.commandName == commandName }) else { return nil }
        self = kind
    }

    /// What one unit read from such a file is called in progress lines and summaries.
    public var rowWord: String {
        switch self {
        case .ocds: "registros"
        case .nogHTML: "páginas"
        case .ejecucion: "líneas"
        case .metas, .resumen, .compras, .vinculos: "filas"
        }
    }

    /// What the natural keys this kind writes are called (`NOG`, `líneas presupuestarias`…).
    public var keyWord: String {
        switch self {
        case .ocds, .compras, .nogHTML: "procesos (NOG)"
        case .ejecucion: "líneas presupuestarias"
        case .metas: "productos y subproductos"
        case .resumen: "filas del resumen"
        case .vinculos: "vínculos"
        }
    }
}
