import Domain
import Foundation

/// A purchase that the law says is not a split purchase, or that thresholds do not govern, as dated data:
/// evaluated at each purchase's date, so a rule that starts or ends applies only to purchases in its period.
public struct ExclusionRule: Hashable, Sendable {
    /// What the rule matches.
    public enum Kind: String, Hashable, Sendable {
        /// Modality catalog codes (`subasta_electronica_inversa`).
        case modalidad
        /// Renglones; a code ending in `00` names its whole group (`000`), one ending in `0` its subgroup.
        case renglon
        /// `entidad:programa` pairs (SICOIN codes), limited to ``ExclusionRule/renglones`` when given:
        /// the school-feeding programme's perishable food (renglón 211).
        case programa
    }

    public var kind: Kind
    public var values: [String]
    /// For ``Kind/programa``: the renglones the rule covers (empty = all).
    public var renglones: [String]
    /// First day the rule applies (`2021-01-01`); nil = always.
    public var from: String?
    /// First day it no longer applies; nil = still in force.
    public var until: String?
    /// The legal basis, shown with the run's parameters.
    public var basis: String

    /// Creates a rule.
    public init(
        kind: Kind, values: [String], renglones: [String] = [], from: String? = nil, until: String? = nil,
        basis: String
    ) {
        self.kind = kind
        self.values = values
        self.renglones = renglones
        self.from = from
        self.until = until
        self.basis = basis
    }

    /// True when the rule is in force on a day (`2022-06-03`).
    func applies(on day: String) -> Bool {
        if let from, day < from { return false }
        if let until, day >= until { return false }
        return true
    }

    /// True when a renglón is named by one of `codes` (exact, its subgroup `xx0` or its group `x00`).
    static func renglon(_ renglon: String, matchesAnyOf codes: [String]) -> Bool {
        codes.contains { code in
            guard code.count == 3, renglon.count == 3 else { return code == renglon }
            if code.hasSuffix("00") { return renglon.first == code.first }
            if code.hasSuffix("0") { return renglon.prefix(2) == code.prefix(2) }
            return code == renglon
        }
    }

    /// The rule as one line of the canonical parameters text.
    var settingsText: String {
        let list = "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        var text = "tipo = \"\(kind.rawValue)\", valores = \(list)"
        if !renglones.isEmpty {
            text += ", renglones = [" + renglones.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
        text += ", vigente_desde = \"\(from ?? "")\", vigente_hasta = \"\(until ?? "")\""
        return text
    }
}
