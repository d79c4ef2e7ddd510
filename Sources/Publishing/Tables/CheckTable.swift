import Checks
import Domain
import Foundation

/// Check results as a data table (one row per finding, or one per check without findings) for CSV/JSON.
public enum CheckTable {
    /// One row per finding (`hallazgo` 1, 2…), or one per check without findings (`hallazgo` 0); the provenance
    /// columns say which year, month and entity the checks looked at (empty: not narrowed).
    public static func table(
        _ results: [CheckResult], ejercicio: Int? = nil, mes: Int? = nil, entidad: String? = nil
    ) -> DataTable {
        var rows: [[Cell]] = []
        for result in results {
            forEachRow(result, ejercicio: ejercicio, mes: mes, entidad: entidad) { rows.append($0) }
        }
        return DataTable(name: heading.name, title: heading.title, columns: heading.columns, rows: rows)
    }

    /// ``table(_:ejercicio:mes:entidad:)`` handed to a sink row by row: a national year's checks find a hundred
    /// thousand things, and their rows are not held beside the findings.
    public static func write(
        _ results: [CheckResult], ejercicio: Int? = nil, mes: Int? = nil, entidad: String? = nil,
        to sink: any TableSink
    ) throws {
        try write(ejercicio: ejercicio, mes: mes, entidad: entidad, to: sink) { each in
            for result in results { try each(result) }
        }
    }

    /// The table of the results `produce` hands over one by one (checks as they run), each written and let go
    /// before the next.
    public static func write(
        ejercicio: Int? = nil, mes: Int? = nil, entidad: String? = nil, to sink: any TableSink,
        _ produce: ((CheckResult) throws -> Void) throws -> Void
    ) throws {
        try sink.begin(heading)
        try produce { try forEachRow($0, ejercicio: ejercicio, mes: mes, entidad: entidad, sink.write) }
        try sink.finish(TableFooting())
    }

    private static func forEachRow(
        _ result: CheckResult, ejercicio: Int?, mes: Int?, entidad: String?, _ body: ([Cell]) throws -> Void
    ) rethrows {
        let provenance = [Provenance.integer(ejercicio), Provenance.integer(mes), Provenance.text(entidad)]
        let base: [Cell] = [
            .text(result.id), .text(result.title), .text(result.statusLabel), .integer(Int64(result.examined)),
        ]
        if result.findings.isEmpty {
            try body(provenance + base + [.integer(0), .empty, .empty, .empty, .empty])
        }
        for (index, finding) in result.findings.enumerated() {
            try body(
                provenance + base + [
                    .integer(Int64(index + 1)), .text(finding.severity.label), .text(finding.message),
                    finding.reference.map(Cell.text) ?? .empty,
                    finding.rows.isEmpty ? .empty : .text(finding.rows.map(\.description).joined(separator: "; ")),
                ])
        }
    }

    static let heading = TableHeading(
        name: "verificaciones", title: "Verificaciones",
        columns: [
            Provenance.ejercicio("Ejercicio verificado; vacío: todos"), Provenance.mes(Provenance.requestedMonth),
            Provenance.entidad(Provenance.scopeEntity),
            DataColumn("verificacion", .string, "Identificador estable de la verificación"),
            DataColumn("titulo", .string, "Qué verifica"),
            DataColumn("estado", .string, "ok, FALLA, advertencia o sin datos"),
            DataColumn("examinados", .integer, "Elementos examinados (filas, productos, cuadros)"),
            DataColumn("hallazgo", .integer, "Número del hallazgo dentro de la verificación; 0 si no hubo"),
            DataColumn("severidad", .string, "error, advertencia o aviso"),
            DataColumn("mensaje", .string, "El hallazgo"),
            DataColumn("referencia", .string, "Fila, producto o línea a la que apunta"),
            DataColumn(
                "filas", .string, "Filas del libro que señala, tipo:clave separadas por «; » (nog:16299514)"),
        ])
}
