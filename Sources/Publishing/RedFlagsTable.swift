import Domain
import Foundation

/// A red-flag run as published tables: one row per flag, one per evidence row, one per indicator (with its
/// explanation and parameters); and the terminal text, where each flag is a short block and each indicator that
/// fired is explained once.
///
/// A flag is a reason to look, never a finding: each indicator's explanation says what to rule out first. It is
/// published once per indicator (not repeated on tens of thousands of flag rows); flags name their indicator.
public enum RedFlagsTable {
    /// One row per flag, strongest first.
    public static func flags(_ run: RedFlagRun) -> DataTable {
        let infos = Dictionary(uniqueKeysWithValues: run.indicators.map { ($0.info.id, $0.info) })
        let rows: [[Cell]] = run.flags.map { flag in
            let info = infos[flag.indicatorID]
            let references = orderedUnique(flag.evidence.map { "\($0.referenceKind) \($0.reference)" })
            return [
                .text(flag.indicatorID), .text(info?.nameES ?? ""), .text(flag.severity.rawValue),
                .text(flag.subject.kind.rawValue), .text(flag.subject.id), .text(flag.subject.label),
                .integer(Int64(flag.ejercicio)), text(flag.value), flag.amount.map(Cell.money) ?? .empty,
                .text(flag.detail), .text(references.joined(separator: "; ")), .integer(Int64(flag.evidence.count)),
                .text(run.parametersHash),
            ]
        }
        return DataTable(
            name: "banderas", title: "Banderas rojas \(run.ejercicio): \(run.flags.count)", columns: flagColumns,
            rows: rows)
    }

    /// One row per evidence row of every flag.
    public static func evidence(_ run: RedFlagRun) -> DataTable {
        var rows: [[Cell]] = []
        for flag in run.flags {
            for row in flag.evidence {
                rows.append([
                    .text(flag.indicatorID), .text(flag.severity.rawValue), .text(flag.subject.id),
                    .text(row.referenceKind),
                    .text(row.reference), text(row.date), text(row.modality), text(row.supplierID),
                    text(row.supplierName),
                    row.amount.map(Cell.money) ?? .empty, text(row.renglon), text(row.description), text(row.note),
                ])
            }
        }
        return DataTable(
            name: "banderas_evidencia", title: "Evidencia de las banderas rojas \(run.ejercicio)",
            columns: evidenceColumns,
            rows: rows)
    }

    /// One row per indicator of the registry: run or not, pending ones marked, with counts by severity.
    public static func summary(_ run: RedFlagRun, registry: [RedFlagIndicatorInfo]) -> DataTable {
        let outcomes = Dictionary(uniqueKeysWithValues: run.indicators.map { ($0.info.id, $0) })
        let rows: [[Cell]] = registry.compactMap { info in
            let outcome = outcomes[info.id]
            if outcome == nil, info.isAvailable { return nil }  // not asked for with --ids
            let flags = run.flags.filter { $0.indicatorID == info.id }
            func count(_ severity: RedFlagSeverity) -> Cell {
                .integer(Int64(flags.filter { $0.severity == severity }.count))
            }
            let status: String
            if case .pending(let reason) = info.availability {
                status = "pendiente: " + (reason.hasPrefix("requiere vínculos") ? "requiere vínculos" : reason)
            } else {
                status = "calculado"
            }
            return [
                .text(info.id), .text(info.nameES), .text(info.nameEN), .text(status),
                outcome.map { .integer(Int64($0.evaluated)) } ?? .empty, .integer(Int64(flags.count)), count(.alto),
                count(.medio), count(.informativo), .text(outcome?.notes.joined(separator: "; ") ?? ""),
                .text(info.summary), .text(info.explanation),
                .text(outcome?.parameters.map { "\($0.name) = \($0.value)" }.joined(separator: "; ") ?? ""),
                .text(info.sources), .text(run.parametersHash),
            ]
        }
        return DataTable(
            name: "banderas_indicadores", title: "Indicadores", columns: summaryColumns, rows: rows,
            totals: [
                [
                    .text("Total"), .empty, .empty, .empty, .empty, .integer(Int64(run.flags.count)),
                    .integer(Int64(run.flags.filter { $0.severity == .alto }.count)),
                    .integer(Int64(run.flags.filter { $0.severity == .medio }.count)),
                    .integer(Int64(run.flags.filter { $0.severity == .informativo }.count)), .empty, .empty, .empty,
                    .empty,
                    .empty, .empty,
                ]
            ])
    }

    /// The run as terminal text: header, per-indicator summary, each flag as a block (at most `limit`), and the
    /// explanation of each indicator that fired. Says so plainly when there are no flags.
    public static func screen(_ run: RedFlagRun, registry: [RedFlagIndicatorInfo], limit: Int? = nil) -> String {
        var lines: [String] = []
        lines.append(
            "Banderas rojas \(run.ejercicio) · \(run.purchasesRead) compras leídas · parámetros "
                + String(run.parametersHash.prefix(12)))
        lines.append("Una bandera es un motivo para mirar, nunca un hallazgo.")
        for note in run.notes { lines.append("Nota: \(note)") }
        lines.append("")
        let screenColumns = [
            "indicador", "nombre", "estado", "evaluados", "banderas", "alto", "medio", "informativo", "notas",
        ]
        lines.append(
            TextTableRenderer.render(summary(run, registry: registry).selecting(screenColumns), maxColumnWidth: 48))
        guard !run.flags.isEmpty else {
            lines.append("Sin banderas para \(run.ejercicio) con estos parámetros.")
            return lines.joined(separator: "\n") + "\n"
        }
        let infos = Dictionary(uniqueKeysWithValues: run.indicators.map { ($0.info.id, $0.info) })
        let shown = limit.map { Array(run.flags.prefix($0)) } ?? run.flags
        for flag in shown {
            var head =
                "[\(flag.severity.rawValue.uppercased())] \(flag.indicatorID) \(infos[flag.indicatorID]?.nameES ?? "")"
            head += " · \(flag.subject.label)"
            if let amount = flag.amount { head += " · \(amount.formatted)" }
            if let value = flag.value, !value.isEmpty { head += " · valor \(value)" }
            lines.append(head)
            lines.append(contentsOf: wrap(flag.detail, indent: "  "))
            for row in flag.evidence.prefix(8) {
                var parts = ["\(row.referenceKind) \(row.reference)"]
                if let date = row.date { parts.append(date) }
                if let supplier = row.supplierID { parts.append(supplier) }
                if let amount = row.amount { parts.append(amount.formatted) }
                if let renglon = row.renglon { parts.append("renglón \(renglon)") }
                if let note = row.note { parts.append(note) }
                lines.append("    · " + parts.joined(separator: " · "))
            }
            if flag.evidence.count > 8 { lines.append("    · … y \(flag.evidence.count - 8) filas más") }
            lines.append("")
        }
        if shown.count < run.flags.count {
            lines.append("… y \(run.flags.count - shown.count) banderas más (use --format csv para la lista completa)")
            lines.append("")
        }
        lines.append("Por qué mirar y qué descartar primero:")
        let fired = Set(run.flags.map(\.indicatorID))
        for outcome in run.indicators where fired.contains(outcome.info.id) {
            lines.append(
                contentsOf: wrap("\(outcome.info.id) \(outcome.info.nameES). \(outcome.info.explanation)", indent: "  ")
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }

    private static func orderedUnique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// Wraps text at about 100 columns on word boundaries.
    private static func wrap(_ text: String, indent: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + word.count + 1 > width {
                lines.append(indent + current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(indent + current) }
        return lines
    }

    /// Columns of ``flags(_:)``.
    public static let flagColumns: [DataColumn] = [
        DataColumn("indicador", .string, "TR01…TR20"), DataColumn("nombre", .string, "Nombre del indicador"),
        DataColumn("severidad", .string, "informativo, medio o alto"),
        DataColumn("sujeto_tipo", .string, "nog, npg, grupo, unidad o proveedor"),
        DataColumn("sujeto_id", .string, "Identificador estable del sujeto"), DataColumn("sujeto", .string),
        DataColumn("ejercicio", .integer), DataColumn("valor", .string, "Medida del indicador (razón, parte, días)"),
        DataColumn("monto", .number, "Monto en juego en quetzales"), DataColumn("detalle", .string),
        DataColumn("referencias", .string, "NOG y NPG de la evidencia"),
        DataColumn("filas_evidencia", .integer, "Filas de evidencia"),
        DataColumn("huella_parametros", .string, "SHA-256 de los parámetros de la corrida"),
    ]

    /// Columns of ``evidence(_:)``.
    public static let evidenceColumns: [DataColumn] = [
        DataColumn("indicador", .string), DataColumn("severidad", .string), DataColumn("sujeto_id", .string),
        DataColumn("tipo_referencia", .string, "NOG o NPG"), DataColumn("referencia", .string),
        DataColumn("fecha", .date), DataColumn("modalidad", .string), DataColumn("proveedor_id", .string),
        DataColumn("proveedor_nombre", .string), DataColumn("monto", .number), DataColumn("renglon", .string),
        DataColumn("descripcion", .string), DataColumn("nota", .string),
    ]

    /// Columns of ``summary(_:registry:)``.
    public static let summaryColumns: [DataColumn] = [
        DataColumn("indicador", .string), DataColumn("nombre", .string), DataColumn("nombre_en", .string),
        DataColumn("estado", .string, "calculado o pendiente"),
        DataColumn("evaluados", .integer, "Compras, grupos, unidades o proveedores que pudo evaluar"),
        DataColumn("banderas", .integer), DataColumn("alto", .integer), DataColumn("medio", .integer),
        DataColumn("informativo", .integer),
        DataColumn("notas", .string, "Cobertura: lo que no pudo evaluar y por qué"),
        DataColumn("resumen", .string, "Qué marca"),
        DataColumn("explicacion", .string, "Una bandera no es un hallazgo: qué descartar antes de concluir"),
        DataColumn("parametros", .string, "Parámetros efectivos"), DataColumn("fuentes", .string),
        DataColumn("huella_parametros", .string, "SHA-256 de los parámetros de la corrida"),
    ]
}
