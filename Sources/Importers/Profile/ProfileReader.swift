import Domain
import Formats
import Foundation
import TOMLKit

/// Reads the institution profile (`transparencia.toml`).
///
/// ```toml
/// [institucion]
/// nombre = "Secretaría de Obras Sociales de la Esposa del Presidente"
/// siglas = "SOSEP"
/// [sicoin]
/// entidad = "11130016"
/// unidad_ejecutora = "208"
/// [guatecompras]
/// entidad = "436"
/// unidades_compradoras = ["2"]
/// nombres = ["SECRETARÍA DE OBRAS SOCIALES DE LA ESPOSA DEL PRESIDENTE"]
/// [laip]
/// unidad_responsable = "Unidad de Información Pública"
/// contacto = "uip@example.gob.gt"
/// licencia = "CC-BY-4.0"
/// columnas_personales_permitidas = ["adjudicaciones.nombre_proveedor"]
/// [ejercicio]
/// fiscal = 2022
/// ```
/// Every key is optional; a blank profile covers every entity in the ledger.
public enum ProfileReader {
    /// Parses a profile file.
    /// - Throws: ``ImportError/invalidProfile(file:detail:)`` with the TOML error's position.
    public static func read(_ url: URL) throws -> InstitutionProfile {
        let file = url.lastPathComponent
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ImportError.invalidProfile(file: file, detail: "no se pudo leer: \(SystemErrorText.describe(error))")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ImportError.invalidProfile(
                file: file,
                detail: "línea \(error.source.begin.line), columna \(error.source.begin.column): \(error.description)")
        }
        var profile = InstitutionProfile()
        profile.nombre = try string(table, "institucion", "nombre", file)
        profile.siglas = try string(table, "institucion", "siglas", file)
        profile.sicoinEntidad = try string(table, "sicoin", "entidad", file)
        profile.sicoinUnidadEjecutora = try string(table, "sicoin", "unidad_ejecutora", file)
        profile.guatecomprasEntidad = try string(table, "guatecompras", "entidad", file)
        profile.guatecomprasUnidades = try strings(
            table, "guatecompras", "unidades_compradoras", example: "[\"2\"]", file)
        profile.guatecomprasNombres = try strings(
            table, "guatecompras", "nombres", example: "[\"DEPARTAMENTO DE COMPRAS\"]", file)
        profile.unidadResponsable = try string(table, "laip", "unidad_responsable", file)
        profile.contacto = try string(table, "laip", "contacto", file)
        profile.licencia = try string(table, "laip", "licencia", file)
        profile.columnasPersonalesPermitidas = try strings(
            table, "laip", "columnas_personales_permitidas", example: "[\"tabla.columna\"]", file)
        if let year = table["ejercicio"]?["fiscal"] {
            guard let value = year.int else {
                throw ImportError.invalidProfile(file: file, detail: "[ejercicio] fiscal debe ser un número entero")
            }
            profile.ejercicio = value
        }
        return profile
    }

    /// A list of texts (empty when absent); a number in it would lose its leading zeros, so it is refused.
    private static func strings(
        _ table: TOMLTable, _ section: String, _ key: String, example: String, _ file: String
    ) throws -> [String] {
        guard let value = table[section]?[key] else { return [] }
        guard let list = value.array, list.allSatisfy({ $0.string != nil }) else {
            throw ImportError.invalidProfile(
                file: file, detail: "[\(section)] \(key) debe ser una lista de textos: \(example)")
        }
        return list.compactMap { $0.string }
    }

    /// A text value; codes must be written as strings so leading zeros survive.
    private static func string(_ table: TOMLTable, _ section: String, _ key: String, _ file: String) throws -> String {
        guard let value = table[section]?[key] else { return "" }
        guard let text = value.string else {
            throw ImportError.invalidProfile(
                file: file, detail: "[\(section)] \(key) debe ir entre comillas (los códigos son texto: \"011\")")
        }
        return text
    }
}
