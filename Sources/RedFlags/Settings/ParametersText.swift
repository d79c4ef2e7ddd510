import Domain
import Formats
import Foundation

/// The canonical text of a run's parameters (shared settings, each indicator's effective values, the thresholds
/// in force and the exclusions) and its SHA-256: equal hashes mean the same settings, so a run can be repeated.
enum ParametersText {
    /// Bumped when an indicator's computation changes, so old and new runs never share a hash.
    static let version = "banderas-1"

    static func text(
        settings: RedFlagSettings, indicators: [any RedFlagIndicator.Type], thresholds: ThresholdSchedule,
        ejercicio: Int
    ) -> String {
        var lines = ["version = \"\(version)\"", "", "[general]"]
        let general = settings.general
        lines.append("fecha_base = \"\(general.baseDate.rawValue)\"")
        lines.append("estados_invalidos = " + ParameterValue.list(general.invalidStatuses).settingsText)
        lines.append("modalidad_npg = \"\(general.npgModality)\"")
        for type in indicators {
            lines.append("")
            lines.append("[\(type.info.id)]")
            for parameter in settings.parameters(for: type).described {
                lines.append("\(parameter.name) = \(parameter.value)")
            }
        }
        lines.append("")
        lines.append("[umbrales_vigentes]")
        let codes = ThresholdSchedule.ladderModalities + ["npg_baja_cuantia", "licitacion_publica"]
        // The ranges on the first and last day of the year: a reform inside the year shows as two lines.
        let starts = thresholds.describe(on: "\(ejercicio)-01-01", codes: codes)
        let ends = thresholds.describe(on: "\(ejercicio)-12-31", codes: codes)
        lines += starts.map { "inicio." + $0 }
        lines += ends.map { "cierre." + $0 }
        for override in settings.thresholds.sorted(by: { ($0.modality, $0.from) < ($1.modality, $1.from) }) {
            lines.append(
                "[[umbrales]] modalidad = \"\(override.modality)\", minimo = \"\(override.minimum?.plainText ?? "")\", "
                    + "maximo = \"\(override.maximum?.plainText ?? "")\", vigente_desde = \"\(override.from)\"")
        }
        lines.append("")
        for rule in settings.exclusions { lines.append("[[exclusiones]] " + rule.settingsText) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Lowercase hex SHA-256 of the text.
    static func hash(_ text: String) -> String {
        FileDigest.sha256(of: text)
    }
}
