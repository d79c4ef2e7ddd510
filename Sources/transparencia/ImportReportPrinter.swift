import Domain
import Foundation
import Pipeline

/// Prints what an import did, in the same words for every kind of file (stderr: data never goes to stdout).
struct ImportReportPrinter {
    /// Without warnings and notes: errors and the summary only.
    let quiet: Bool

    func print(_ report: ImportReport) {
        for line in lines(report) { Terminal.note(line) }
    }

    func lines(_ report: ImportReport) -> [String] {
        let name = report.fileName
        switch report.status {
        case .alreadyImported(let run):
            let already =
                "\(name): ya importado en la corrida #\(run.id) (\(Self.day(run.startedAt)), mismo SHA-256); sin cambios"
            guard report.rejectedBefore else { return [already] }
            return DiagnosticPrinter.lines(report.diagnostics) + [
                already,
                "\(name): aquella importación guardó solo las filas válidas (--allow-rejects) y rechazó "
                    + "\(run.rowsRejected); sin --allow-rejects este archivo no se importaría",
            ]
        case .failed(let message):
            return ["error: \(message)"] + DiagnosticPrinter.lines(report.diagnostics, errorsOnly: false)
                + ["\(name): no se importó nada"]
        case .refused:
            var lines = [header(report)]
            lines += DiagnosticPrinter.lines(report.fileErrors)
            lines += DiagnosticPrinter.lines(report.diagnostics, errorsOnly: quiet)
            let rejected = report.counts.rowsRejected
            lines.append(
                report.fileErrors.isEmpty
                    ? "\(name): \(rejected) \(report.kind.rowWord) con errores; no se importó nada "
                        + "(corrija el archivo o use --allow-rejects)"
                    : "\(name): el archivo tiene errores que impiden importarlo; no se importó nada")
            return lines
        case .imported, .simulated:
            var lines = [header(report)]
            lines += DiagnosticPrinter.lines(report.diagnostics, errorsOnly: quiet)
            if !quiet { lines += report.notes.map { "  " + $0 } }
            lines += summary(report)
            return lines
        }
    }

    private func header(_ report: ImportReport) -> String {
        report.shape.isEmpty ? "\(report.fileName):" : "\(report.fileName) [\(report.shape)]:"
    }

    private func summary(_ report: ImportReport) -> [String] {
        let counts = report.counts
        let word = report.kind.rowWord
        let (read, accepted, rejected) =
            report.kind.rowsAreMasculine
            ? ("leídos", "aceptados", "rechazados") : ("leídas", "aceptadas", "rechazadas")
        var lines = [
            "  \(word) \(read) \(counts.rowsRead) · \(accepted) \(counts.rowsAccepted) · \(rejected) \(counts.rowsRejected)"
                + " · valores reparados \(report.repairs.total)"
        ]
        if report.repairs.total > 0 {
            let fields = report.repairs.fields.map { field in
                let example = field.examples.first.map { " (p. ej. «\($0.original)» → «\($0.repaired)»)" } ?? ""
                return "«\(field.field)» \(field.count)\(example)"
            }
            var repaired = "  reparados: " + fields.joined(separator: "; ")
            if case .imported(let run) = report.status {
                repaired += "; todos en `transparencia report diagnosticos --run \(run.id)`"
            }
            lines.append(repaired)
        }
        let keys =
            "  \(report.kind.keyWord): \(counts.inserted) nuevo(s) · \(counts.updated) actualizado(s) · "
            + "\(counts.unchanged) sin cambios"
        switch report.status {
        case .imported(let run):
            lines.append(keys + " (corrida #\(run.id), \(Self.seconds(report.seconds)))")
        default:
            lines.append(keys)
            lines.append("  simulación (--dry-run): esto es lo que cambiaría; no se escribió nada en el libro de datos")
        }
        return lines
    }

    static func day(_ date: Date) -> String { ProcurementDate.dayString(date) }

    static func seconds(_ value: Double) -> String {
        value < 1 ? "\(Int(value * 1000)) ms" : "\(Int(value)).\(Int(value * 10) % 10) s"
    }
}

extension SourceKind {
    /// `registros` and `páginas` agree in gender differently from `filas` and `líneas`.
    var rowsAreMasculine: Bool { self == .ocds }
}
