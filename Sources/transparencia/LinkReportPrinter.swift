import Domain
import Foundation
import Linking
import Pipeline

/// A linking pass's report as text: what each method and rule linked, conflicts, rules that never match, what
/// stays unlinked, and what changed in the ledger.
enum LinkReportPrinter {
    static func text(_ report: LinkingReport) -> String {
        var lines: [String] = []
        let mode: LinkRun.Mode?
        switch report.outcome {
        case .linked(let value), .simulated(let value): mode = value
        case .unchanged: mode = nil
        }
        let modeText =
            mode.map { $0 == .full ? "pasada completa" : "pasada incremental (solo lo que cambió)" }
            ?? "sin cambios desde la última vinculación"
        lines.append("Vinculación \(report.ejercicio) (\(report.scope)) · \(modeText)")
        if let rulesFile = report.rulesFile {
            lines.append("  reglas: \(rulesFile)\(report.rulesStored ? " (guardadas en el libro)" : "")")
        }
        if let manualFile = report.manualFile {
            let replaced =
                report.manualReplaced.map { $0 > 0 ? ", reemplazan \($0) fila(s) anteriores" : "" }
                ?? " (ya estaban guardadas)"
            lines.append("  vínculos manuales: \(manualFile), \(report.manualRows) fila(s)\(replaced)")
        }
        if mode != nil {
            lines.append("  compras examinadas: \(report.examined)")
            for method in LinkMethod.allCases {
                let tally = report.examinedByMethod[method] ?? LinkSummary.Tally()
                lines.append("    \(method.label): \(tally.purchases) · \(tally.amount.formatted)")
            }
            lines.append("    sin vincular: \(report.unlinked.count)")
        }
        if !report.rules.isEmpty {
            lines.append("")
            lines.append("Reglas (coinciden: compras examinadas que cumplen sus criterios; vincula: las que enlazó)")
            let width = max(5, report.rules.map(\.id.count).max() ?? 0)
            let lineWidth = String(report.rules.map(\.line).max() ?? 0).count
            for rule in report.rules {
                let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let number = String(repeating: " ", count: lineWidth - String(rule.line).count) + String(rule.line)
                var line =
                    "  línea \(number)  \(id)  coinciden \(rule.matched) · vincula \(rule.linked) · \(rule.amount.formatted)"
                if rule.conflicts > 0 { line += " · en conflicto con una anterior en \(rule.conflicts)" }
                lines.append(line)
            }
            let never = report.rules.filter { $0.matched == 0 }
            if !never.isEmpty && mode == .full {
                lines.append(
                    "  nunca coinciden: " + never.map { "\($0.id) (línea \($0.line))" }.joined(separator: ", "))
            }
            let shadowed = report.rules.filter { $0.matched > 0 && $0.linked == 0 }
            if !shadowed.isEmpty {
                lines.append(
                    "  coinciden pero no vinculan (ya vinculadas por manual, evidencia o una regla anterior): "
                        + shadowed.map(\.id).joined(separator: ", "))
            }
        }
        if !report.conflicts.isEmpty {
            lines.append("")
            lines.append("Conflictos entre reglas (gana la primera del archivo)")
            for conflict in report.conflicts.prefix(50) {
                lines.append(
                    "  NOG \(conflict.nog): vincula «\(conflict.winner)»; también coincide «\(conflict.other)» con otro destino"
                )
            }
            if report.conflicts.count > 50 { lines.append("  … y \(report.conflicts.count - 50) más") }
        }
        if !report.unlinked.isEmpty {
            lines.append("")
            lines.append("Sin vincular")
            for item in report.unlinked.prefix(50) {
                lines.append("  NOG \(item.nog): \(item.reason.label)\(item.detail.isEmpty ? "" : " — \(item.detail)")")
            }
            if report.unlinked.count > 50 {
                lines.append(
                    "  … y \(report.unlinked.count - 50) más (`transparencia export --tables compras_sin_vincular`)")
            }
        }
        lines.append("")
        if mode != nil {
            lines.append(
                "Cambios: \(report.written) compra(s) escritas · \(report.unchangedCount) sin cambios · "
                    + "\(report.removed) retiradas (salieron del alcance)")
        }
        let summary = report.summary
        let parts = LinkMethod.allCases.map { "\(summary.byMethod[$0]?.purchases ?? 0) \($0.label)" }.joined(
            separator: ", ")
        lines.append(
            "Libro, \(report.ejercicio): \(summary.linked) compras vinculadas (\(parts)); \(summary.unlinked) sin vincular"
        )
        if case .simulated = report.outcome {
            lines.append("(simulación: no se escribió nada; el libro sigue como estaba)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
