import Domain
import Foundation

/// Every import run: what file, from where, with which SHA-256, and what came of it (provenance).
enum ImportRunsTable {
    static func table(_ runs: [ImportRun]) -> DataTable {
        let rows: [[Cell]] = runs.map { run in
            [
                .integer(run.id), .text(run.sourceKind), .text(run.fileName), .text(run.sha256), .integer(run.bytes),
                run.sourceURL.map(Cell.text) ?? .empty, run.etag.map(Cell.text) ?? .empty,
                .text(ISO8601DateFormatter().string(from: run.startedAt)), .integer(Int64(run.rowsRead)),
                .integer(Int64(run.rowsAccepted)), .integer(Int64(run.rowsRejected)), .text(run.toolVersion),
            ]
        }
        return DataTable(
            name: Dataset.importaciones.rawValue, title: "Importaciones (\(runs.count))",
            columns: [
                DataColumn("corrida", .integer, "Número de la importación en el libro de datos"),
                DataColumn("tipo", .string, "Qué se importó (ocds, compras-flat, ejecucion…)"),
                DataColumn("archivo", .string, "Nombre del archivo (archivo.zip:entrada para un ZIP)"),
                DataColumn("sha256", .string, "SHA-256 del archivo"), DataColumn("bytes", .integer, "Tamaño"),
                DataColumn("url", .string, "Dirección de descarga, si se descargó con fetch"),
                DataColumn("etag", .string, "ETag del servidor"),
                DataColumn("fecha", .string, "Fecha de la importación (UTC)"),
                DataColumn("filas_leidas", .integer), DataColumn("filas_aceptadas", .integer),
                DataColumn("filas_rechazadas", .integer), DataColumn("version", .string, "Versión de transparencia"),
            ],
            rows: rows)
    }
}
