import Foundation

/// Writes `cambios.csv` and `cambios.json` (through a ``TableFileSink``) as the trackers find changes.
final class ChangeWriter {
    /// The columns of `cambios`.
    static let columns = [
        Provenance.ejercicio("Ejercicio de esta publicación"), Provenance.mes(Provenance.requestedMonth),
        Provenance.entidad(Provenance.scopeEntity),
        DataColumn("tabla", .string, "Tabla en que cambió la fila"),
        DataColumn("cambio", .string, "agregada, eliminada o modificada"),
        DataColumn("clave", .string, "La clave primaria de la fila (columna=valor; …)"),
        DataColumn("campo", .string, "La columna que cambió; * para una fila agregada o eliminada entera"),
        DataColumn("valor_anterior", .string, "El valor en la publicación anterior"),
        DataColumn("valor_nuevo", .string, "El valor en esta publicación"),
    ]

    private let sink: TableFileSink
    private let provenance: [Cell]
    /// How many changes were written.
    private(set) var count = 0

    init(sink: TableFileSink, provenance: [Cell]) throws {
        self.sink = sink
        self.provenance = provenance
        try sink.begin(
            TableHeading(name: "cambios", title: "Cambios desde la publicación anterior", columns: Self.columns))
    }

    func emit(table: String, change: String, key: String, field: String, old: String, new: String) throws {
        count += 1
        try sink.write(provenance + [.text(table), .text(change), .text(key), .text(field), .text(old), .text(new)])
    }

    /// Closes the files.
    func finish() throws -> TableFileSink.Written? {
        try sink.finish(TableFooting())
        return sink.written
    }
}
