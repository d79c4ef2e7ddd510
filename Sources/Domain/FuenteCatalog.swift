import Foundation

/// The fuentes de financiamiento bundled with the tool (`catalogos/fuentes.csv`, see its README): code → name.
///
/// Incomplete (fuentes 12–16 and others are missing); a code it lacks is still a valid fuente.
public struct FuenteCatalog: Sendable {
    private let names: [String: String]

    /// The bundled catalog, loaded once (empty if the resource is missing).
    public static let bundled = FuenteCatalog(rows: (try? CatalogCSV.rows(named: "fuentes")) ?? [])

    init(rows: [[String: String]]) {
        names = Dictionary(rows.compactMap { row in row["codigo"].map { ($0, row["nombre"] ?? "") } },
                           uniquingKeysWith: { first, _ in first })
    }

    /// The name of a fuente (the first two digits of `31-0151-0001`), or nil when the catalog lacks it.
    public func name(of fuente: String) -> String? { names[String(fuente.prefix(2))] }
}
