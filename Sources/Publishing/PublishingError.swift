import Foundation

/// Failures building or writing published tables.
public enum PublishingError: Error, Sendable, LocalizedError {
    /// The output file or folder could not be written.
    case unwritable(path: String, cause: String)
    /// A period report needs monthly devengado that the imported lines lack.
    case noMonthlyBreakdown(lines: Int, of: Int)
    /// A modality that is not in the catalog.
    case unknownModality(String)
    /// Values that look like personal data in columns the profile does not allow (LAIP Art. 9 and 22).
    case personalData(findings: [PersonalDataFinding], total: Int)
    /// The previous publication `--since` names cannot be read.
    case unreadablePrevious(path: String, detail: String)
    /// A portal template that does not parse or is missing (a defect of the build, not of the data).
    case template(name: String, detail: String)
    /// The portal needs a fiscal year and neither the command, the profile nor the ledger gives one.
    case portalWithoutYear

    public var errorDescription: String? {
        switch self {
        case .unwritable(let path, let cause): "no se pudo escribir «\(path)»: \(cause)"
        case .noMonthlyBreakdown(let lines, let total):
            "\(lines) de \(total) líneas no traen devengado mensual; el reporte por mes o cuatrimestre necesita un "
                + "archivo con columnas de devengado por mes"
        case .unknownModality(let text):
            "modalidad «\(text)» desconocida; use un código o nombre del catálogo de modalidades"
        case .personalData(let findings, let total):
            Self.personalDataMessage(findings, total: total)
        case .unreadablePrevious(let path, let detail):
            "no se pudo leer la publicación anterior «\(path)»: \(detail)"
        case .portalWithoutYear:
            "el portal necesita un ejercicio: use --year o declare [ejercicio] fiscal en el perfil"
        case .template(let name, let detail):
            "la plantilla del portal «\(name)» no se pudo usar: \(detail)"
        }
    }

    private static func personalData(_ finding: PersonalDataFinding) -> String {
        let place = finding.row.map { "\(finding.table), fila \($0)" } ?? finding.table
        return "  \(place), columna «\(finding.column)»: parece \(finding.kind.label) («\(finding.excerpt)»)"
    }

    private static func personalDataMessage(_ findings: [PersonalDataFinding], total: Int) -> String {
        let columns = Array(Set(findings.map(\.columnKey))).sorted()
        var lines = [
            "no se publicó nada: \(total) valor(es) parecen datos personales (LAIP, Art. 9 y 22) en columnas que "
                + "el perfil no permite publicar:"
        ]
        lines += findings.prefix(10).map(personalData)
        if total > 10 { lines.append("  … y \(total - 10) más") }
        lines.append(
            "Corrija el dato en la fuente y vuelva a importarla o, si la institución decide publicar la columna, "
                + "agréguela en el perfil: [laip] columnas_personales_permitidas = ["
                + columns.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
        return lines.joined(separator: "\n")
    }
}
