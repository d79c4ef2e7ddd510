import Foundation

/// The natural key of a SICOIN budget line: where the money sits in the budget structure and what it buys.
///
/// Every code is text with its leading zeros; ``normalized(_:width:)`` restores zeros that spreadsheets and
/// JSON numbers drop (`62` → `062`), so the same line from a CSV, an XLSX and a CKAN download compares equal.
public struct BudgetKey: Hashable, Sendable, Codable, Comparable {
    public var ejercicio: Int
    /// Entidad, unidad ejecutora, programa, subprograma, proyecto, actividad and obra: the structure that metas
    /// products are tied to.
    public var structure: BudgetStructure
    public var renglon: Renglon
    public var fuente: String
    /// Ubicación geográfica (DDMM), empty when the source does not give it.
    public var ubicacionGeografica: String

    public init(
        ejercicio: Int, entidad: String, unidadEjecutora: String, programa: String, subprograma: String,
        proyecto: String, actividad: String, obra: String, renglon: Renglon, fuente: String,
        ubicacionGeografica: String
    ) {
        self.ejercicio = ejercicio
        self.structure = BudgetStructure(
            entidad: entidad, unidadEjecutora: unidadEjecutora, programa: programa, subprograma: subprograma,
            proyecto: proyecto, actividad: actividad, obra: obra)
        self.renglon = renglon
        self.fuente = fuente
        self.ubicacionGeografica = ubicacionGeografica
    }

    /// `2022 11130016-208 · 11-00-000-001-000 · 211 · f11 · g0101`: how the line is cited in messages.
    public var label: String {
        var text = "\(ejercicio) \(structure.label) · renglón \(renglon.rawValue)"
        if !fuente.isEmpty { text += " · fuente \(fuente)" }
        if !ubicacionGeografica.isEmpty { text += " · ubicación \(ubicacionGeografica)" }
        return text
    }

    /// Canonical widths of the numeric codes, as SICOIN prints them.
    public enum Width {
        public static let entidad = 8
        public static let unidadEjecutora = 3
        public static let programa = 2
        public static let subprograma = 2
        public static let proyecto = 3
        public static let actividad = 3
        public static let obra = 3
        public static let fuente = 2
        public static let ubicacionGeografica = 4
    }

    /// Trims a code and, when it is all digits and shorter than `width`, restores its leading zeros.
    /// Codes with other characters (`21-0101-0001`) or already longer are kept as written.
    public static func normalized(_ code: String, width: Int) -> String {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count < width, trimmed.allSatisfy(\.isASCIIDigit) else { return trimmed }
        return String(repeating: "0", count: width - trimmed.count) + trimmed
    }

    private var sortKey: [String] {
        [String(ejercicio), structure.entidad, structure.unidadEjecutora, structure.programa, structure.subprograma,
         structure.proyecto, structure.actividad, structure.obra, renglon.rawValue, fuente, ubicacionGeografica]
    }

    public static func < (lhs: BudgetKey, rhs: BudgetKey) -> Bool { lhs.sortKey.lexicographicallyPrecedes(rhs.sortKey) }
}
