import Domain
import Foundation
import TOMLKit

/// Reads a `banderas` settings file into ``RedFlagSettings``, checking every key against the indicators' specs:
/// an unknown table or key, or a value of the wrong kind, is an error naming the table and key.
struct SettingsReader {
    let file: String

    func read(_ text: String) throws -> RedFlagSettings {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw fail("línea \(error.source.begin.line), columna \(error.source.begin.column): \(error.description)")
        }
        var settings = RedFlagSettings()
        let registry = Dictionary(uniqueKeysWithValues: IndicatorRegistry.computed.map { ($0.info.id, $0) })
        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "general":
                settings.general = try general(value, settings.general)
            case "umbrales":
                settings.thresholds = try thresholds(value)
            case "exclusiones":
                settings.exclusions = try exclusions(value)
            default:
                let id = key.uppercased()
                guard let type = registry[id] else {
                    if IndicatorRegistry.pending.contains(where: { $0.id == id }) {
                        throw fail("[\(key)]: el indicador está pendiente (requiere vínculos) y no tiene parámetros")
                    }
                    throw fail(
                        "tabla [\(key)] desconocida: use [general], [TR01]…[TR20], [[umbrales]] o [[exclusiones]]")
                }
                guard let indicator = value.table else { throw fail("[\(key)] debe ser una tabla") }
                settings.overrides[id] = try parameters(indicator, specs: type.parameterSpecs, table: key)
            }
        }
        return settings
    }

    private func fail(_ detail: String) -> RedFlagsError { .invalidSettings(file: file, detail: detail) }

    private func general(_ value: any TOMLValueConvertible, _ current: GeneralSettings) throws -> GeneralSettings {
        guard let table = value.table else { throw fail("[general] debe ser una tabla") }
        var general = current
        for key in table.keys {
            guard let entry = table[key] else { continue }
            switch key {
            case "fecha_base":
                guard let text = entry.string, let base = GeneralSettings.BaseDate(rawValue: text) else {
                    throw fail("[general] fecha_base debe ser \"adjudicacion\" o \"publicacion\"")
                }
                general.baseDate = base
            case "estados_invalidos":
                general.invalidStatuses = try strings(entry, "[general] estados_invalidos")
            case "modalidad_npg":
                guard let text = entry.string, ModalityCatalog.bundled.modality(code: text) != nil else {
                    throw fail("[general] modalidad_npg debe ser un código del catálogo de modalidades")
                }
                general.npgModality = text
            default:
                throw fail("[general] clave «\(key)» desconocida (fecha_base, estados_invalidos, modalidad_npg)")
            }
        }
        return general
    }

    private func parameters(_ table: TOMLTable, specs: [ParameterSpec], table name: String) throws
        -> [String: ParameterValue]
    {
        var values: [String: ParameterValue] = [:]
        for key in table.keys {
            guard let entry = table[key] else { continue }
            guard let spec = specs.first(where: { $0.name == key }) else {
                let known = specs.map(\.name).joined(separator: ", ")
                throw fail("[\(name)] clave «\(key)» desconocida; acepta: \(known)")
            }
            values[key] = try value(entry, spec: spec, field: "[\(name)] \(key)")
        }
        return values
    }

    private func value(_ entry: any TOMLValueConvertible, spec: ParameterSpec, field: String) throws -> ParameterValue {
        switch spec.kind {
        case .integer(let range):
            guard let number = entry.int, range.contains(number) else {
                throw fail("\(field) debe ser un entero entre \(range.lowerBound) y \(range.upperBound)")
            }
            return .integer(number)
        case .decimal(let range):
            guard let number = decimal(entry), range.contains(number) else {
                throw fail("\(field) debe ser un número entre \(range.lowerBound) y \(range.upperBound)")
            }
            return .decimal(number)
        case .text(let choices):
            guard let text = entry.string, choices.isEmpty || choices.contains(text) else {
                throw fail("\(field) debe ser uno de: \(choices.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            return .text(text)
        case .bool:
            guard let flag = entry.bool else { throw fail("\(field) debe ser true o false") }
            return .bool(flag)
        case .list:
            return .list(try strings(entry, field))
        case .money:
            if entry.string == "catalogo" { return .catalog }
            guard let money = money(entry), money.centavos >= 0 else {
                throw fail("\(field) debe ser un monto en quetzales (\"90000.00\") o \"catalogo\"")
            }
            return .money(money)
        case .window:
            let window = entry.int.flatMap(SplitWindow.init(days:)) ?? entry.string.flatMap(SplitWindow.init(name:))
            guard let window else {
                throw fail("\(field) debe ser un número de días (0 = mismo día), \"cuatrimestre\" o \"ejercicio\"")
            }
            return .window(window)
        case .table:
            guard let table = entry.table else { throw fail("\(field) debe ser una tabla { codigo = días }") }
            var result: [String: Int] = [:]
            for key in table.keys {
                guard let days = table[key]?.int, days >= 0 else {
                    throw fail("\(field).\(key) debe ser un entero ≥ 0")
                }
                result[key] = days
            }
            return .table(result)
        }
    }

    private func strings(_ entry: any TOMLValueConvertible, _ field: String) throws -> [String] {
        guard let array = entry.array else { throw fail("\(field) debe ser una lista de textos [\"…\"]") }
        return try array.map { element in
            guard let text = element.string else { throw fail("\(field): cada elemento va entre comillas") }
            return text
        }
    }

    /// A TOML number as an exact decimal: integers as they are, floats through their shortest text (`0.05`).
    private func decimal(_ entry: any TOMLValueConvertible) -> Decimal? {
        if let number = entry.int { return Decimal(number) }
        if let number = entry.double { return Decimal(string: "\(number)") }
        if let text = entry.string { return Decimal(string: text) }
        return nil
    }

    private func money(_ entry: any TOMLValueConvertible) -> Money? {
        if let number = entry.int { return Money(quetzales: Int64(number)) }
        if let number = entry.double { return try? Money(parsing: "\(number)") }
        if let text = entry.string { return try? Money(parsing: text) }
        return nil
    }

    private func day(_ entry: (any TOMLValueConvertible)?, _ field: String) throws -> String? {
        guard let entry else { return nil }
        if let date = entry.date {
            return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
        }
        if let text = entry.string {
            if text.isEmpty { return nil }
            if case .date = ProcurementDate.parse(text), text.count == 10 { return text }
        }
        throw fail("\(field) debe ser una fecha AAAA-MM-DD")
    }

    private func thresholds(_ value: any TOMLValueConvertible) throws -> [ThresholdOverride] {
        guard let array = value.array else { throw fail("[[umbrales]] debe ser una lista de tablas") }
        return try array.enumerated().map { index, element in
            let field = "[[umbrales]] n.º \(index + 1)"
            guard let table = element.table else { throw fail("\(field) debe ser una tabla") }
            for key in table.keys where !["modalidad", "minimo", "maximo", "vigente_desde", "fundamento"].contains(key)
            {
                throw fail(
                    "\(field): clave «\(key)» desconocida (modalidad, minimo, maximo, vigente_desde, fundamento)")
            }
            guard let code = table["modalidad"]?.string, ModalityCatalog.bundled.modality(code: code) != nil else {
                throw fail("\(field): modalidad debe ser un código del catálogo de modalidades")
            }
            guard let from = try day(table["vigente_desde"], "\(field) vigente_desde") else {
                throw fail("\(field): falta vigente_desde")
            }
            let minimum = try table["minimo"].map { entry in
                guard let money = money(entry) else { throw fail("\(field) minimo debe ser un monto") }
                return money
            }
            let maximum = try table["maximo"].map { entry in
                guard let money = money(entry) else { throw fail("\(field) maximo debe ser un monto") }
                return money
            }
            return ThresholdOverride(
                modality: code, minimum: minimum, maximum: maximum, from: from, basis: table["fundamento"]?.string ?? ""
            )
        }
    }

    private func exclusions(_ value: any TOMLValueConvertible) throws -> [ExclusionRule] {
        guard let array = value.array else { throw fail("[[exclusiones]] debe ser una lista de tablas") }
        return try array.enumerated().map { index, element in
            let field = "[[exclusiones]] n.º \(index + 1)"
            guard let table = element.table else { throw fail("\(field) debe ser una tabla") }
            let known = ["tipo", "valores", "renglones", "vigente_desde", "vigente_hasta", "fundamento"]
            for key in table.keys where !known.contains(key) {
                throw fail("\(field): clave «\(key)» desconocida (\(known.joined(separator: ", ")))")
            }
            guard let kindText = table["tipo"]?.string, let kind = ExclusionRule.Kind(rawValue: kindText) else {
                throw fail("\(field): tipo debe ser \"modalidad\", \"renglon\" o \"programa\"")
            }
            let values = try table["valores"].map { try strings($0, "\(field) valores") } ?? []
            if kind == .modalidad,
                let unknown = values.first(where: { ModalityCatalog.bundled.modality(code: $0) == nil })
            {
                throw fail("\(field): «\(unknown)» no es un código del catálogo de modalidades")
            }
            if kind == .programa, let bad = values.first(where: { !$0.contains(":") }) {
                throw fail("\(field): «\(bad)» debe escribirse \"entidad:programa\" (códigos SICOIN)")
            }
            return ExclusionRule(
                kind: kind, values: values,
                renglones: try table["renglones"].map { try strings($0, "\(field) renglones") } ?? [],
                from: try day(table["vigente_desde"], "\(field) vigente_desde"),
                until: try day(table["vigente_hasta"], "\(field) vigente_hasta"),
                basis: table["fundamento"]?.string ?? "")
        }
    }
}
