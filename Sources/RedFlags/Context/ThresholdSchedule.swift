import Domain
import Foundation

/// The amount range of each modality on a given day: the modality catalog's range from the year it took effect
/// (`vigente_desde`), replaced by any dated override from the settings file. Never "today": always the
/// purchase's own date.
struct ThresholdSchedule: Sendable {
    private let catalog: ModalityCatalog
    /// Overrides by modality, latest first.
    private let overrides: [String: [ThresholdOverride]]

    /// The three ceilings of the ladder: baja cuantía, compra directa, cotización.
    static let ladderModalities = ["baja_cuantia", "compra_directa_oferta_electronica", "cotizacion"]

    init(catalog: ModalityCatalog, overrides: [ThresholdOverride]) {
        self.catalog = catalog
        self.overrides = Dictionary(grouping: overrides, by: \.modality).mapValues { $0.sorted { $0.from > $1.from } }
    }

    /// The range of a modality on a day (`2022-06-03`), or nil when it has none then.
    func range(_ code: String, on day: String) -> ClosedRange<Money>? {
        if let override = overrides[code]?.first(where: { $0.from <= day }) {
            let low = override.minimum ?? .zero
            let high = override.maximum ?? Money(centavos: .max)
            return low <= high ? low...high : nil
        }
        guard let modality = catalog.modality(code: code), let year = Int(day.prefix(4)) else { return nil }
        return modality.thresholds(year: year)
    }

    /// The upper bound of a modality on a day, when it has one (licitación has none).
    func ceiling(_ code: String, on day: String) -> Money? {
        guard let range = range(code, on: day), range.upperBound.centavos != .max else { return nil }
        return range.upperBound
    }

    /// The ceilings of baja cuantía, compra directa and cotización on a day, ascending (Q25,000, Q90,000, Q900,000
    /// since 2016); missing ones are left out.
    func ladder(on day: String) -> [Money] {
        Self.ladderModalities.compactMap { ceiling($0, on: day) }.sorted()
    }

    /// The modality a total of `amount` would have required on a day (the first ladder step it fits under),
    /// as a catalog code.
    func requiredModality(for amount: Money, on day: String) -> String {
        for code in Self.ladderModalities {
            if let ceiling = ceiling(code, on: day), amount <= ceiling { return code }
        }
        return "licitacion_publica"
    }

    /// Every range in force on a day, as canonical text for the parameters hash.
    func describe(on day: String, codes: [String]) -> [String] {
        codes.compactMap { code in
            guard let range = range(code, on: day) else { return nil }
            let high = range.upperBound.centavos == .max ? "" : range.upperBound.plainText
            return "umbral.\(code) = \"\(range.lowerBound.plainText)..\(high)\""
        }
    }
}
