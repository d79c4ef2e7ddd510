import Foundation

/// The fuentes de financiamiento bundled with the tool (`Catalogs/csv/fuentes.csv`, see its README): code → name.
///
/// Incomplete (fuentes 12–16 and others are missing); a code it lacks is still a valid fuente.
public struct FuenteCatalog: Sendable {
    private let names: [String: String]

    /// The catalog compiled into the tool, read once.
    public static let bundled = FuenteCatalog(rows: CatalogCSV.rows(CatalogText.fuentes))

    init(rows: [[String: String]]) {
        names = Dictionary(
            rows.compactMap { row in row["codigo"].map { ($0, row["nombre"] ?? "") } },
            uniquingKeysWith: { first, _ in first })
    }

    /// The name of a fuente (the first two digits of `31-0151-0001`), or nil when the catalog lacks it.
    public func name(of fuente: String) -> String? { names[String(fuente.prefix(2))] }
}
