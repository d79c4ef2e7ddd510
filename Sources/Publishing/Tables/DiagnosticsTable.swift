import Domain
import Foundation

/// What an import stored about its rows: rejects, warnings and repaired values.
enum DiagnosticsTable {
    static func table(_ diagnostics: [Diagnostic], run: ImportRun?) -> DataTable {
        DataTable(
            name: Dataset.diagnosticos.rawValue,
            title: run.map { "Diagnósticos de la corrida #\($0.id) (\($0.fileName)): \(diagnostics.count)" }
                ?? "Diagnósticos",
            columns: [
                DataColumn("archivo"), DataColumn("linea", .integer), DataColumn("campo"),
                DataColumn("severidad", .string, "error (fila rechazada), advertencia o aviso (valor reparado)"),
                DataColumn("mensaje"),
            ],
            rows: diagnostics.map { diagnostic in
                [
                    .text(diagnostic.file), diagnostic.line.map { .integer(Int64($0)) } ?? .empty,
                    diagnostic.field.map(Cell.text) ?? .empty, .text(diagnostic.severity.label),
                    .text(diagnostic.message),
                ]
            })
    }
}
