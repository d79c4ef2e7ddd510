import Domain
import Foundation

/// The effective parameters of one indicator: its defaults overridden by the settings file.
struct IndicatorParameters: Sendable {
    let specs: [ParameterSpec]
    let values: [String: ParameterValue]

    init(specs: [ParameterSpec], overrides: [String: ParameterValue] = [:]) {
        self.specs = specs
        var values: [String: ParameterValue] = [:]
        for spec in specs { values[spec.name] = overrides[spec.name] ?? spec.defaultValue }
        self.values = values
    }

    func integer(_ name: String) -> Int {
        if case .integer(let value)? = values[name] { return value }
        return 0
    }

    func decimal(_ name: String) -> Decimal {
        switch values[name] {
        case .decimal(let value)?: value
        case .integer(let value)?: Decimal(value)
        default: 0
        }
    }

    func double(_ name: String) -> Double { NSDecimalNumber(decimal: decimal(name)).doubleValue }

    func text(_ name: String) -> String {
        if case .text(let value)? = values[name] { return value }
        return ""
    }

    func bool(_ name: String) -> Bool {
        if case .bool(let value)? = values[name] { return value }
        return false
    }

    func list(_ name: String) -> [String] {
        if case .list(let value)? = values[name] { return value }
        return []
    }

    /// An amount, or nil when it is taken from the catalog.
    func money(_ name: String) -> Money? {
        if case .money(let value)? = values[name] { return value }
        return nil
    }

    func window(_ name: String) -> SplitWindow {
        if case .window(let value)? = values[name] { return value }
        return .days(0)
    }

    func table(_ name: String) -> [String: Int] {
        if case .table(let value)? = values[name] { return value }
        return [:]
    }

    /// The parameters as Domain values, in declaration order.
    var described: [RedFlagParameter] {
        specs.map {
            RedFlagParameter(name: $0.name, value: values[$0.name]?.settingsText ?? "", description: $0.description)
        }
    }
}
