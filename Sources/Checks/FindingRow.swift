import Foundation

/// A row of the ledger a finding points at, by kind and key: `nog:16299514`, `producto:2022/P02`,
/// `evidencia:vinculos-sosep-2022.csv:10`, `proveedor:421450878`, `linea:…`, `resumen:2022/10`.
///
/// Rows are what lets `seguir NOG` list every finding that names a NOG, and what `check --format json` prints
/// for each finding.
public struct FindingRow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of row (`nog`, `producto`, `evidencia`, `proveedor`, `linea`, `resumen`).
    public var kind: String
    /// Its key within the kind.
    public var key: String

    public init(_ kind: String, _ key: String) {
        self.kind = kind
        self.key = key
    }

    /// A purchase by NOG.
    public static func nog(_ nog: String) -> FindingRow { FindingRow("nog", nog) }
    /// A product of a year.
    public static func product(_ code: String, year: Int) -> FindingRow { FindingRow("producto", "\(year)/\(code)") }
    /// A supplier by NIT or Guatecompras id.
    public static func supplier(_ id: String) -> FindingRow { FindingRow("proveedor", id) }
    /// A row of an imported evidence file.
    public static func evidence(file: String, line: Int) -> FindingRow { FindingRow("evidencia", "\(file):\(line)") }

    /// `kind:key`.
    public var description: String { "\(kind):\(key)" }
}
