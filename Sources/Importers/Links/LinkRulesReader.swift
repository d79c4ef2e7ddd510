import Domain
import Formats
import Foundation
import TOMLKit

/// Reads a rules file for `transparencia link --rules`: ordered rules that match purchases and name the product(s)
/// they serve.
///
/// ```toml
/// ejercicio = 2022
///
/// [[regla]]
/// id = "hogares-comunitarios"
/// descripcion = "Compras para los hogares comunitarios"
/// palabras = ["hogares comunitarios", "madres cuidadoras"]   # título o descripción, sin importar tildes
/// producto = "P02"
/// renglon = "211"                                           # opcional: el renglón al que se carga
///
/// [[regla]]
/// id = "vehiculos-supervision"
/// modalidades = ["cotizacion"]
/// nits = ["595055664"]
/// monto_minimo = "100000.00"
/// desde = 2022-07-01
/// reparto = [{ producto = "P03", participacion = "0.6" }, { producto = "P05", participacion = "0.4" }]
/// ```
///
/// Criteria (all optional, every one given must hold, a list holds when any value does): `unidades_compradoras`,
/// `renglones`, `grupos` (of the renglones the purchase's evidence names), `modalidades`, `nits`, `palabras`,
/// `sin_palabras`, `monto_minimo`, `monto_maximo`, `desde`, `hasta`. Target: `producto` (with optional
/// `subproducto` and `renglon`) or `reparto`, whose `participacion` values must add up to exactly 1.
/// Problems are diagnostics with the file's line and the key; a file with errors is refused whole.
public enum LinkRulesReader {
    static let criteriaKeys = [
        "unidades_compradoras", "renglones", "grupos", "modalidades", "nits", "palabras", "sin_palabras",
        "monto_minimo", "monto_maximo", "desde", "hasta",
    ]
    static let otherKeys = ["id", "descripcion", "nota", "producto", "subproducto", "renglon", "reparto"]
    static let shareKeys = ["producto", "subproducto", "renglon", "participacion"]

    /// Reads and validates a rules file.
    /// - Throws: ``ImportError/invalidFile(file:diagnostics:)`` with every problem when the file has errors.
    public static func read(_ url: URL, catalog: ModalityCatalog = .bundled, renglones: RenglonCatalog = .bundled)
        throws -> LinkRulesReading
    {
        let fileName = url.lastPathComponent
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ImportError.invalidFile(
                file: fileName,
                diagnostics: [
                    Diagnostic(
                        file: fileName, message: "no se pudo leer como texto UTF-8: \(SystemErrorText.describe(error))")
                ])
        }
        return try parse(text, fileName: fileName, catalog: catalog, renglones: renglones)
    }

    /// Parses the text of a rules file (as stored in the ledger).
    /// - Throws: ``ImportError/invalidFile(file:diagnostics:)`` when the text has errors.
    public static func parse(
        _ text: String, fileName: String, catalog: ModalityCatalog = .bundled, renglones: RenglonCatalog = .bundled
    ) throws -> LinkRulesReading {
        var parser = Parser(fileName: fileName, text: text, catalog: catalog, renglonCatalog: renglones)
        let ruleSet = parser.run()
        if parser.diagnostics.containsErrors {
            throw ImportError.invalidFile(file: fileName, diagnostics: parser.diagnostics)
        }
        return LinkRulesReading(
            ruleSet: ruleSet, diagnostics: parser.diagnostics, text: text, sha256: FileDigest.sha256(of: text))
    }

    /// One pass over a rules text, collecting every problem.
    private struct Parser {
        let fileName: String
        let text: String
        let catalog: ModalityCatalog
        let renglonCatalog: RenglonCatalog
        let locator: TOMLLineLocator
        var diagnostics: [Diagnostic] = []

        init(fileName: String, text: String, catalog: ModalityCatalog, renglonCatalog: RenglonCatalog) {
            self.fileName = fileName
            self.text = text
            self.catalog = catalog
            self.renglonCatalog = renglonCatalog
            self.locator = TOMLLineLocator(text: text, arrayOfTables: "regla")
        }

        mutating func run() -> LinkRuleSet {
            let table: TOMLTable
            do {
                table = try TOMLTable(string: text)
            } catch let error as TOMLParseError {
                diagnostics.append(
                    Diagnostic(
                        file: fileName, line: error.source.begin.line, severity: .error,
                        message: "TOML inválido (columna \(error.source.begin.column)): \(error.description)"))
                return LinkRuleSet(fileName: fileName, rules: [])
            } catch {
                diagnostics.append(Diagnostic(file: fileName, message: "TOML inválido: \(error)"))
                return LinkRuleSet(fileName: fileName, rules: [])
            }
            var ejercicio: Int?
            for key in table.keys where key != "regla" && key != "ejercicio" {
                diagnostics.append(
                    Diagnostic(
                        file: fileName, line: locator.line(ofTopLevelKey: key), field: key,
                        message: "clave desconocida; el archivo lleva `ejercicio` y tablas [[regla]]"))
            }
            if let value = table["ejercicio"] {
                if let year = value.int, (2000...2100).contains(year) {
                    ejercicio = year
                } else {
                    diagnostics.append(
                        Diagnostic(
                            file: fileName, line: locator.line(ofTopLevelKey: "ejercicio"), field: "ejercicio",
                            message: "debe ser un año, como 2022"))
                }
            }
            guard let array = table["regla"]?.array else {
                diagnostics.append(
                    Diagnostic(file: fileName, message: "el archivo no tiene reglas: escriba tablas [[regla]]"))
                return LinkRuleSet(fileName: fileName, ejercicio: ejercicio, rules: [])
            }
            var rules: [LinkRule] = []
            var ids: [String: Int] = [:]
            for position in 0..<array.count {
                guard let entry = array[position].table else { continue }
                guard let rule = rule(entry, position: position) else { continue }
                if let earlier = ids[rule.id] {
                    error(position, "id", "el id «\(rule.id)» ya lo usa la regla de la línea \(earlier)")
                    continue
                }
                ids[rule.id] = rule.line
                rules.append(rule)
            }
            return LinkRuleSet(fileName: fileName, ejercicio: ejercicio, rules: rules)
        }

        private mutating func rule(_ entry: TOMLTable, position: Int) -> LinkRule? {
            let line = locator.line(ofTable: position) ?? 0
            let before = diagnostics.count
            for key in entry.keys
            where !LinkRulesReader.criteriaKeys.contains(key) && !LinkRulesReader.otherKeys.contains(key) {
                error(
                    position, key,
                    "clave desconocida; criterios: \(LinkRulesReader.criteriaKeys.joined(separator: ", ")); "
                        + "destino: producto, subproducto, renglon o reparto")
            }
            guard let id = string(entry, "id", position), !id.trimmingCharacters(in: .whitespaces).isEmpty else {
                if entry["id"] == nil {
                    error(position, "id", "cada regla necesita un id (texto único, como \"hogares\")")
                }
                return nil
            }
            var criteria = LinkRuleCriteria()
            criteria.buyingUnits = strings(entry, "unidades_compradoras", position)
            criteria.renglones = strings(entry, "renglones", position).compactMap { renglon($0, position, "renglones") }
            criteria.grupos = strings(entry, "grupos", position).compactMap { text in
                guard let grupo = Renglon(lenient: text).flatMap({ GrupoGasto(rawValue: $0.rawValue) }) else {
                    error(position, "grupos", "«\(text)» no es un grupo de gasto (000, 100, … 900)")
                    return nil
                }
                return grupo
            }
            criteria.modalityCodes = strings(entry, "modalidades", position).compactMap { text in
                guard let modality = catalog.modality(code: text) ?? catalog.modality(matching: text) else {
                    error(
                        position, "modalidades",
                        "«\(text)» no es una modalidad del catálogo (p. ej. cotizacion, baja_cuantia)")
                    return nil
                }
                return modality.code
            }
            criteria.supplierNITs = strings(entry, "nits", position).map { text in
                if case .wrongCheckDigit(let expected) = NITCheckDigit.check(text) {
                    warn(
                        position, "nits",
                        "el NIT «\(text)» no pasa el dígito verificador (debería terminar en \(expected))")
                }
                return NITCheckDigit.compact(text)
            }
            criteria.keywords = strings(entry, "palabras", position).map(SearchText.fold).filter { !$0.isEmpty }
            criteria.excludedKeywords = strings(entry, "sin_palabras", position).map(SearchText.fold).filter {
                !$0.isEmpty
            }
            criteria.minimumAmount = money(entry, "monto_minimo", position)
            criteria.maximumAmount = money(entry, "monto_maximo", position)
            criteria.from = day(entry, "desde", position)
            criteria.through = day(entry, "hasta", position)
            if let minimum = criteria.minimumAmount, let maximum = criteria.maximumAmount, minimum > maximum {
                error(
                    position, "monto_maximo",
                    "monto_maximo \(maximum.formatted) es menor que monto_minimo \(minimum.formatted)")
            }
            if let from = criteria.from, let through = criteria.through, from > through {
                error(position, "hasta", "hasta \(through) es anterior a desde \(from)")
            }
            if criteria.isEmpty && diagnostics.count == before {
                error(position, "id", "la regla «\(id)» no tiene criterios: coincidiría con todas las compras")
            }
            let targets = self.targets(entry, position)
            guard diagnostics[before...].allSatisfy({ $0.severity != .error }), !targets.isEmpty else { return nil }
            return LinkRule(
                id: id, description: string(entry, "descripcion", position), line: line, criteria: criteria,
                targets: targets, note: string(entry, "nota", position))
        }

        private mutating func targets(_ entry: TOMLTable, _ position: Int) -> [LinkRuleTarget] {
            let hasProduct = entry["producto"] != nil
            let hasShares = entry["reparto"] != nil
            if hasProduct == hasShares {
                error(
                    position, hasProduct ? "reparto" : "producto",
                    hasProduct
                        ? "use producto o reparto, no ambos" : "falta el destino: producto = \"P01\" o reparto = [...]")
                return []
            }
            if hasProduct {
                guard let product = string(entry, "producto", position), !product.isEmpty else { return [] }
                return [
                    LinkRuleTarget(
                        productCode: product, subproductCode: string(entry, "subproducto", position),
                        renglon: string(entry, "renglon", position).flatMap { renglon($0, position, "renglon") })
                ]
            }
            guard let parts = entry["reparto"]?.array, !parts.isEmpty else {
                error(
                    position, "reparto",
                    "reparto debe ser una lista de tablas { producto = \"P01\", participacion = \"0.5\" }")
                return []
            }
            var targets: [LinkRuleTarget] = []
            for index in 0..<parts.count {
                guard let part = parts[index].table else {
                    error(
                        position, "reparto",
                        "el elemento \(index + 1) del reparto no es una tabla { producto = …, participacion = … }")
                    continue
                }
                for key in part.keys where !LinkRulesReader.shareKeys.contains(key) {
                    error(
                        position, "reparto",
                        "clave desconocida «\(key)» en el elemento \(index + 1) (use producto, subproducto, renglon, participacion)"
                    )
                }
                guard let product = part["producto"]?.string, !product.isEmpty else {
                    error(position, "reparto", "el elemento \(index + 1) del reparto no tiene producto")
                    continue
                }
                guard let share = share(part["participacion"]) else {
                    error(
                        position, "reparto",
                        "el elemento \(index + 1) necesita participacion entre 0 y 1 (\"0.6\" o \"60%\")")
                    continue
                }
                targets.append(
                    LinkRuleTarget(
                        productCode: product, subproductCode: part["subproducto"]?.string,
                        renglon: part["renglon"]?.string.flatMap { renglon($0, position, "reparto") }, share: share))
            }
            let total = targets.reduce(0) { $0 + $1.share.billionths }
            if targets.count == parts.count, total != LinkShare.scale {
                let sum = LinkShare(billionths: total)
                error(position, "reparto", "las participaciones suman \(sum.decimal), deben sumar exactamente 1")
            }
            return targets
        }

        // MARK: - Values

        private mutating func string(_ entry: TOMLTable, _ key: String, _ position: Int) -> String? {
            guard let value = entry[key] else { return nil }
            guard let text = value.string else {
                error(position, key, "debe ir entre comillas (los códigos son texto: \"011\")")
                return nil
            }
            return text.trimmingCharacters(in: .whitespaces)
        }

        /// A list of strings; a single string is a list of one.
        private mutating func strings(_ entry: TOMLTable, _ key: String, _ position: Int) -> [String] {
            guard let value = entry[key] else { return [] }
            if let text = value.string { return [text] }
            guard let array = value.array else {
                error(position, key, "debe ser un texto o una lista de textos, como [\"211\", \"295\"]")
                return []
            }
            var out: [String] = []
            for index in 0..<array.count {
                guard let text = array[index].string else {
                    error(position, key, "el elemento \(index + 1) no es un texto entre comillas")
                    continue
                }
                out.append(text.trimmingCharacters(in: .whitespaces))
            }
            return out
        }

        private mutating func renglon(_ text: String, _ position: Int, _ key: String) -> Renglon? {
            guard let renglon = Renglon(lenient: text) else {
                error(position, key, "«\(text)» no es un renglón (tres dígitos, como \"211\")")
                return nil
            }
            if !renglonCatalog.contains(renglon) {
                warn(position, key, "el renglón \(renglon.rawValue) no figura en el catálogo incluido")
            }
            return renglon
        }

        private mutating func money(_ entry: TOMLTable, _ key: String, _ position: Int) -> Money? {
            guard let value = entry[key] else { return nil }
            let text: String
            if let string = value.string {
                text = string
            } else if let integer = value.int {
                text = String(integer)
            } else if let double = value.double {
                text = "\(double)"
            } else {
                error(position, key, "debe ser un monto, como \"90000.00\"")
                return nil
            }
            do {
                return try Money(parsing: text)
            } catch let failure {
                error(position, key, failure.errorDescription ?? "«\(text)» no es un monto")
                return nil
            }
        }

        private mutating func day(_ entry: TOMLTable, _ key: String, _ position: Int) -> String? {
            guard let value = entry[key] else { return nil }
            if let date = value.date, ProcurementDate.date(year: date.year, month: date.month, day: date.day) != nil {
                return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
            }
            if let text = value.string, text.count == 10, case .date = ProcurementDate.parse(text) { return text }
            error(position, key, "debe ser una fecha AAAA-MM-DD, como 2022-07-01")
            return nil
        }

        private func share(_ value: (any TOMLValueConvertible)?) -> LinkShare? {
            guard let value else { return nil }
            if let text = value.string { return LinkShare(parsing: text) }
            if let integer = value.int { return LinkShare(parsing: String(integer)) }
            if let double = value.double { return LinkShare(parsing: "\(double)") }
            return nil
        }

        private mutating func error(_ position: Int, _ key: String, _ message: String) {
            diagnostics.append(
                Diagnostic(
                    file: fileName, line: locator.line(ofKey: key, inTable: position), field: key, severity: .error,
                    message: message))
        }

        private mutating func warn(_ position: Int, _ key: String, _ message: String) {
            diagnostics.append(
                Diagnostic(
                    file: fileName, line: locator.line(ofKey: key, inTable: position), field: key, severity: .warning,
                    message: message))
        }
    }
}
