import Foundation

/// The natural key of a SICOIN budget line: where the money sits in the budget structure, what it buys and
/// which financing pays for it.
///
/// A line is identified by its whole structure: ejercicio, entidad, unidad ejecutora, programa, subprograma,
/// proyecto, actividad, obra, renglón, ubicación geográfica and the financing source, which is **fuente +
/// organismo + correlativo** (fuente 31 organismo 0151 correlativo 0001 and correlativo 0002 are two lines
/// with their own amounts). A dimension the file does not carry is absent (nil), never an empty code, and two
/// keys are equal only when every dimension is.
///
/// Every code is text with its leading zeros; ``normalized(_:width:)`` restores zeros that spreadsheets and
/// JSON numbers drop (`62` → `062`), so the same line from a CSV, an XLSX and a CKAN download compares equal.
public struct BudgetKey: Hashable, Sendable, Codable, Comparable {
    public var ejercicio: Int
    /// Entidad, unidad ejecutora, programa, subprograma, proyecto, actividad and obra: the structure that metas
    /// products are tied to.
    public var structure: BudgetStructure
    public var renglon: Renglon
    /// Fuente de financiamiento (`31`), nil when the file does not give it.
    public var fuente: String?
    /// Organismo financiador of the fuente (`0151`), nil when the file does not give it.
    public var organismo: String?
    /// Correlativo of the fuente and organismo (`0001`), nil when the file does not give it.
    public var correlativo: String?
    /// Ubicación geográfica (DDMM), nil when the file does not give it.
    public var ubicacionGeografica: String?

    /// A key; empty codes are taken as absent.
    public init(
        ejercicio: Int, entidad: String, unidadEjecutora: String?, programa: String, subprograma: String,
        proyecto: String, actividad: String, obra: String, renglon: Renglon, fuente: String?,
        organismo: String? = nil, correlativo: String? = nil, ubicacionGeografica: String?
    ) {
        self.ejercicio = ejercicio
        self.structure = BudgetStructure(
            entidad: entidad, unidadEjecutora: unidadEjecutora, programa: programa, subprograma: subprograma,
            proyecto: proyecto, actividad: actividad, obra: obra)
        self.renglon = renglon
        self.fuente = Self.present(fuente)
        self.organismo = Self.present(organismo)
        self.correlativo = Self.present(correlativo)
        self.ubicacionGeografica = Self.present(ubicacionGeografica)
    }

    /// `31-0151-0001`: the financing source as SICOIN writes it (only the parts the file gives), or nil.
    public var financiamiento: String? {
        let parts = [fuente, organismo, correlativo].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "-")
    }

    /// `2022 11130016-208 · 11-00-000-001-000 · renglón 211 · fuente 31-0151-0001 · ubicación 0101`: how the
    /// line is cited in messages, every dimension it has and none it lacks.
    public var label: String {
        var text = "\(ejercicio) \(structure.label) · renglón \(renglon.rawValue)"
        if fuente != nil, let financiamiento {
            text += " · fuente \(financiamiento)"
        } else {
            if let organismo { text += " · organismo \(organismo)" }
            if let correlativo { text += " · correlativo \(correlativo)" }
        }
        if let ubicacionGeografica { text += " · ubicación \(ubicacionGeografica)" }
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
        public static let organismo = 4
        public static let correlativo = 4
        public static let ubicacionGeografica = 4
    }

    /// Trims a code and, when it is all digits and shorter than `width`, restores its leading zeros.
    /// Codes with other characters (`21-0101-0001`) or already longer are kept as written.
    public static func normalized(_ code: String, width: Int) -> String {
        let trimmed = Whitespace.trimmed(code)
        guard !trimmed.isEmpty, trimmed.utf8.count < width, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return trimmed }
        return String(repeating: "0", count: width - trimmed.count) + trimmed
    }

    /// The code, or nil when it is empty.
    private static func present(_ code: String?) -> String? {
        guard let code, !code.isEmpty else { return nil }
        return code
    }

    /// Every dimension in key order, absent ones empty (absent sorts before any code).
    public var parts: [String] {
        var parts = [String(ejercicio)]
        parts.reserveCapacity(13)
        forEachCodeAfterYear { parts.append($0 ?? "") }
        return parts
    }

    /// ``parts`` joined with `-` (`2022-11130016-208-11-00-000-001-000-211-11---0101`), written into one string:
    /// an export prints it for every line, and the array of thirteen strings behind `parts` cost more than the row.
    public var code: String {
        var code = String(ejercicio)
        code.reserveCapacity(64)
        forEachCodeAfterYear { part in
            code.append("-")
            if let part { code.append(part) }
        }
        return code
    }

    /// The codes after the year in key order, absent ones nil: the one list ``parts`` and ``code`` spell.
    @inline(__always)
    private func forEachCodeAfterYear(_ body: (String?) -> Void) {
        body(structure.entidad)
        body(structure.unidadEjecutora)
        body(structure.programa)
        body(structure.subprograma)
        body(structure.proyecto)
        body(structure.actividad)
        body(structure.obra)
        body(renglon.rawValue)
        body(fuente)
        body(organismo)
        body(correlativo)
        body(ubicacionGeografica)
    }

    public static func < (lhs: BudgetKey, rhs: BudgetKey) -> Bool { lhs.parts.lexicographicallyPrecedes(rhs.parts) }
}
