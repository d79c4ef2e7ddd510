import Domain
import Foundation
import TOMLKit

/// Reads the severities a user gives checks, from the `[verificaciones]` table of a settings file (the profile,
/// `transparencia.toml`):
///
/// ```toml
/// [verificaciones]
/// "compras.fecha-ejercicio" = "error"
/// "proveedores.nit" = "advertencia"
/// "evidencia.nog-desconocido" = "info"
/// ```
/// Values: `error`, `advertencia` (or `warning`), `info` (or `aviso`). A file without the table gives none.
public enum CheckSettingsReader {
    /// The severity for each check id the file names.
    /// - Throws: ``ImportError/invalidProfile(file:detail:)`` for unreadable TOML or an unknown severity.
    public static func read(_ url: URL) throws -> [String: Diagnostic.Severity] {
        let file = url.lastPathComponent
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ImportError.invalidProfile(file: file, detail: "no se pudo leer el archivo")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ImportError.invalidProfile(
                file: file,
                detail: "línea \(error.source.begin.line), columna \(error.source.begin.column): \(error.description)")
        }
        guard let section = table["verificaciones"] else { return [:] }
        guard let checks = section.table else {
            throw ImportError.invalidProfile(
                file: file, detail: "[verificaciones] debe ser una tabla: \"id\" = \"severidad\"")
        }
        var out: [String: Diagnostic.Severity] = [:]
        for key in checks.keys {
            guard let text = checks[key]?.string, let severity = severity(text) else {
                throw ImportError.invalidProfile(
                    file: file,
                    detail: "[verificaciones] \"\(key)\": la severidad debe ser \"error\", \"advertencia\" o \"info\"")
            }
            out[key] = severity
        }
        return out
    }

    /// A severity written in Spanish or English.
    public static func severity(_ text: String) -> Diagnostic.Severity? {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "error": .error
        case "advertencia", "warning": .warning
        case "info", "aviso": .info
        default: nil
        }
    }
}
