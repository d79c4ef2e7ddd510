import Foundation

/// Which purchases a linking pass or a reconciliation covers: a fiscal year (by publication date, else award
/// date, in Guatemala time) and the institution's Guatecompras buying units.
public struct ProcurementScope: Hashable, Sendable {
    public var year: Int
    /// Guatecompras entity (`436`): its units `436-*`, or only ``guatecomprasUnits``; nil for every entity.
    public var guatecomprasEntity: String?
    /// Unit numbers within the entity (`["2"]`); empty for all its units.
    public var guatecomprasUnits: [String]
    /// One buying unit by code (`436-2`) or part of its name, instead of the entity's.
    public var buyingUnit: String?
    /// Names of the entity or its units for purchases without codes (flat exports), compared folded.
    public var buyerNames: [String]

    public init(
        year: Int, guatecomprasEntity: String? = nil, guatecomprasUnits: [String] = [], buyingUnit: String? = nil,
        buyerNames: [String] = []
    ) {
        self.year = year
        self.guatecomprasEntity = guatecomprasEntity.flatMap { $0.isEmpty ? nil : $0 }
        self.guatecomprasUnits = guatecomprasUnits
        self.buyingUnit = buyingUnit.flatMap { $0.isEmpty ? nil : $0 }
        self.buyerNames = buyerNames.filter { !$0.isEmpty }
    }

    /// `año 2022, unidades 436-2`: what the scope covers, for messages and fingerprints.
    public var label: String {
        var text = "año \(year)"
        if let buyingUnit {
            text += ", unidad \(buyingUnit)"
        } else if let guatecomprasEntity {
            text +=
                guatecomprasUnits.isEmpty
                ? ", entidad \(guatecomprasEntity)"
                : ", unidades " + guatecomprasUnits.map { "\(guatecomprasEntity)-\($0)" }.joined(separator: " ")
        }
        if buyingUnit == nil && !buyerNames.isEmpty {
            text += ", compradores «" + buyerNames.joined(separator: "», «") + "»"
        }
        return text
    }
}
