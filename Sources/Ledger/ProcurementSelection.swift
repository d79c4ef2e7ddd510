import Foundation

/// Which stored procurement a listing covers: every filter optional, all of them together.
public struct ProcurementSelection: Sendable, Hashable {
    /// Published (or, lacking a publication date, awarded) in this year, in Guatemala time.
    public var year: Int?
    /// Published in these months (1…12) of ``year`` (one month, a cuatrimestre); ignored without a year.
    public var months: ClosedRange<Int>?
    /// A buying unit by code (`436-2`) or part of its name.
    public var unit: String?
    /// A Guatecompras entity: its units `436-*`, or only ``guatecomprasUnits`` when given.
    public var guatecomprasEntity: String?
    /// Unit numbers of ``guatecomprasEntity`` (`["2"]`).
    public var guatecomprasUnits: [String]
    /// Names of the entity or its units (the profile's `nombres`), for rows without codes; compared folded.
    public var buyerNames: [String]
    /// A modality of the catalog, by code.
    public var modalityCode: String?

    public init(
        year: Int? = nil, months: ClosedRange<Int>? = nil, unit: String? = nil, guatecomprasEntity: String? = nil,
        guatecomprasUnits: [String] = [], buyerNames: [String] = [], modalityCode: String? = nil
    ) {
        self.year = year
        self.months = months
        self.unit = unit
        self.guatecomprasEntity = guatecomprasEntity
        self.guatecomprasUnits = guatecomprasUnits
        self.buyerNames = buyerNames
        self.modalityCode = modalityCode
    }
}
