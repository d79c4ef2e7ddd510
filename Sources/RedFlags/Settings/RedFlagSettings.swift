import Domain
import Formats
import Foundation

/// What a `banderas` run may change: shared settings, each indicator's parameters, dated thresholds added to the
/// modality catalog, and the dated exclusions. ``defaults`` is the run without a settings file.
public struct RedFlagSettings: Hashable, Sendable {
    public var general = GeneralSettings()
    /// Per indicator id, the parameters the settings file sets (validated against the indicator's spec).
    var overrides: [String: [String: ParameterValue]] = [:]
    /// Ranges added to the modality catalog from a date on.
    public var thresholds: [ThresholdOverride] = []
    /// Purchases left out of the split-purchase indicators (TR01–TR05), evaluated at each purchase's date.
    public var exclusions: [ExclusionRule] = DefaultExclusions.rules

    /// The defaults: no settings file.
    public static let defaults = RedFlagSettings()

    /// Creates the default settings.
    public init() {}

    /// Reads a settings file (TOML).
    /// - Throws: ``RedFlagsError/invalidSettings(file:detail:)`` naming the line, table and key at fault.
    public static func load(_ url: URL) throws -> RedFlagSettings {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RedFlagsError.invalidSettings(
                file: url.path, detail: "no se pudo leer: \(SystemErrorText.describe(error))")
        }
        return try parse(text, file: url.lastPathComponent)
    }

    /// Parses settings text (see `Samples/banderas/banderas.toml` for every key and its default).
    public static func parse(_ text: String, file: String) throws -> RedFlagSettings {
        try SettingsReader(file: file).read(text)
    }

    /// The effective parameters of an indicator.
    func parameters(for type: any RedFlagIndicator.Type) -> IndicatorParameters {
        IndicatorParameters(specs: type.parameterSpecs, overrides: overrides[type.info.id] ?? [:])
    }
}
