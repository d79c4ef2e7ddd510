import Domain
import Foundation

/// What a table covers: one vocabulary for every report and export.
public struct DatasetScope: Sendable, Hashable {
    /// The fiscal year; nil: the profile's, else the newest in the ledger for the table.
    public var year: Int?
    /// A month (1…12) of the year: execution tables add that month's devengado.
    public var month: Int?
    /// A cuatrimestre (1…3) of the year.
    public var cuatrimestre: Int?
    /// SICOIN entidad; nil: the profile's; empty: every entity.
    public var entity: String?
    /// SICOIN unidad ejecutora; nil: the profile's (when the entity is the profile's).
    public var executingUnit: String?
    /// Guatecompras buying unit, by code (`436-2`) or part of its name; nil: the profile's units.
    public var buyingUnit: String?
    /// A modality of the catalog, by code or name.
    public var modality: String?
    /// The import run whose diagnostics `diagnosticos` lists (the latest when nil).
    public var importRun: Int64?
    /// The NOG `seguimiento` follows and `vinculos` narrows to.
    public var nog: String?
    /// The institution the tables are about.
    public var profile: InstitutionProfile

    public init(
        year: Int? = nil, month: Int? = nil, cuatrimestre: Int? = nil, entity: String? = nil,
        executingUnit: String? = nil, buyingUnit: String? = nil, modality: String? = nil, importRun: Int64? = nil,
        nog: String? = nil, profile: InstitutionProfile = InstitutionProfile()
    ) {
        self.importRun = importRun
        self.nog = nog
        self.year = year
        self.month = month
        self.cuatrimestre = cuatrimestre
        self.entity = entity
        self.executingUnit = executingUnit
        self.buyingUnit = buyingUnit
        self.modality = modality
        self.profile = profile
    }

    /// The narrower period asked for, or nil for the whole year.
    func period(year: Int) -> Period? {
        if let month { return Period(year: year, month: month) }
        if let cuatrimestre { return Period(year: year, cuatrimestre: cuatrimestre) }
        return nil
    }

    /// The SICOIN entidad and unidad ejecutora to filter by: the scope's, else the profile's; nil means all.
    var sicoinFilter: (entidad: String?, unidadEjecutora: String?) {
        if let entity {
            return (entity.isEmpty ? nil : entity, executingUnit.flatMap { $0.isEmpty ? nil : $0 })
        }
        let entidad = profile.sicoinEntidad.isEmpty ? nil : profile.sicoinEntidad
        let unidad = executingUnit ?? (profile.sicoinUnidadEjecutora.isEmpty ? nil : profile.sicoinUnidadEjecutora)
        return (entidad, unidad.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The year to report: the scope's, the profile's, or the newest `available` (newest first); nil when
    /// nothing is available.
    func resolvedYear(available: [Int]) -> Int? {
        year ?? profile.ejercicio ?? available.first
    }

    /// `ejercicio 2022, corte 2022-12; devengado de enero–abril` for titles.
    func describe(year: Int, cutoffs: [ExecutionCutoff]) -> String {
        var text = "ejercicio \(year)"
        if let last = cutoffs.last { text += ", corte \(last)" }
        if let months = period(year: year)?.months {
            let first = SpanishMonth.name(months.lowerBound) ?? ""
            let last = SpanishMonth.name(months.upperBound) ?? ""
            text += months.count == 1 ? "; devengado de \(first)" : "; devengado de \(first)–\(last)"
        }
        return text
    }
}
