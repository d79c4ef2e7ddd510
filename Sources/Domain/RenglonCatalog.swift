import Foundation

/// The MINFIN objeto-del-gasto classifier bundled with the tool (`Catalogs/csv/renglones.csv`, see its README
/// for sources and known gaps).
///
/// Codes are matched by code, never by name. The catalog is incomplete for group 000: a renglón missing
/// here is still a valid code whose name is unknown.
public struct RenglonCatalog: Sendable {
    /// One row of the classifier.
    public struct Entry: Sendable, Hashable {
        public let codigo: String
        public let nombre: String
        public let nivel: String
    }

    private let entries: [String: Entry]
    private let groupNames: [String: String]

    /// The catalog compiled into the tool, read once.
    public static let bundled = RenglonCatalog(
        renglones: CatalogCSV.rows(CatalogText.renglones), grupos: CatalogCSV.rows(CatalogText.grupos))

    init(renglones: [[String: String]], grupos: [[String: String]]) {
        var entries: [String: Entry] = [:]
        for row in renglones {
            guard let codigo = row["codigo"], let nombre = row["nombre"] else { continue }
            entries[codigo] = Entry(codigo: codigo, nombre: nombre, nivel: row["nivel"] ?? "")
        }
        self.entries = entries
        self.groupNames = Dictionary(
            uniqueKeysWithValues: grupos.compactMap { row in
                row["codigo"].map { ($0, row["nombre"] ?? "") }
            })
    }

    /// The catalog row of a renglón, if the catalog names it.
    public func entry(for renglon: Renglon) -> Entry? { entries[renglon.rawValue] }

    /// The name of a renglón, or nil when the bundled catalog does not name it.
    public func name(of renglon: Renglon) -> String? { entries[renglon.rawValue]?.nombre }

    /// The name of an expense group.
    public func name(of grupo: GrupoGasto) -> String? { groupNames[grupo.rawValue] }

    /// True when the code is a renglón proper (not a group or subgroup heading) known to the catalog.
    public func contains(_ renglon: Renglon) -> Bool { entries[renglon.rawValue]?.nivel == "renglon" }
}
