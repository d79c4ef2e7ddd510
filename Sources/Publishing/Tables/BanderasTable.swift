import Domain
import Foundation
import Ledger

/// The published red flags: the last run `banderas` stored for the year, one row per flag, read from the ledger
/// (never recomputed here, so the file says exactly what the stored run with its parameters' hash said).
///
/// A flag is a reason to look, never a finding: every row carries its indicator's explanation of what to rule out
/// first, as it was when the run was made.
struct BanderasTable {
    let ledger: Ledger
    let scope: DatasetScope

    func table() throws -> DataTable {
        let years = Array(Set(try ledger.redFlagRuns().map(\.ejercicio))).sorted(by: >)
        let year = scope.resolvedYear(available: years)
        let stored = try year.flatMap { try ledger.latestRedFlagRun(ejercicio: $0) }
        let indicators = Dictionary(
            (stored?.indicators ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows: [[Cell]] = (stored?.flags ?? []).map { flag in
            let indicator = indicators[flag.indicatorID]
            let people = Self.naturalPersons(flag)
            func guarded(_ text: String) -> Cell {
                people.contains { !$0.isEmpty && text.contains($0) } ? .person(text) : Provenance.text(text)
            }
            return [
                .integer(Int64(flag.ejercicio)), .empty, .empty,
                stored?.run.id.map { Cell.integer($0) } ?? .empty, .text(flag.indicatorID),
                Provenance.text(indicator?.nameES),
                .text(flag.severity.rawValue), .text(flag.subject.kind.rawValue), guarded(flag.subject.id),
                guarded(flag.subject.label), Provenance.text(flag.value), flag.amount.map(Cell.money) ?? .empty,
                guarded(flag.detail), guarded(Self.references(flag)), .integer(Int64(flag.evidence.count)),
                Provenance.text(indicator?.explanation), .text(stored?.run.parametersHash ?? ""),
            ]
        }
        var table = DataTable(
            name: Dataset.banderas.rawValue,
            title: "Banderas rojas \(year.map(String.init) ?? "")"
                + (stored?.run.id.map { " (corrida \($0))" } ?? "") + ": motivos para mirar, nunca hallazgos",
            columns: Self.columns, rows: rows)
        if let year, stored == nil {
            table.emptyReason =
                "sin datos: no hay banderas guardadas del ejercicio \(year); calcúlelas con "
                + "`transparencia banderas --year \(year)`"
        } else if year == nil {
            table.emptyReason = "sin datos: el libro no tiene corridas de `transparencia banderas`"
        } else if let stored, stored.flags.isEmpty {
            table.emptyReason =
                "sin banderas: la corrida \(stored.run.id.map(String.init) ?? "") del ejercicio "
                + "\(stored.run.ejercicio) no levantó ninguna"
        }
        return table
    }

    /// `NOG 16621832; NOG 16719162`: the evidence's references, each once, in order.
    static func references(_ flag: RedFlag) -> String {
        var seen: Set<String> = []
        return flag.evidence.map { "\($0.referenceKind) \($0.reference)" }.filter { seen.insert($0).inserted }
            .joined(separator: "; ")
    }

    /// Ids and names of the natural persons among the flag's suppliers: a text that names one is personal data
    /// (LAIP Art. 9 and 22), refused by the export unless the profile allows the column.
    static func naturalPersons(_ flag: RedFlag) -> [String] {
        flag.evidence.flatMap { row -> [String] in
            guard let id = row.supplierID else { return [] }
            let supplier = Supplier(scheme: nil, identifier: id, name: row.supplierName ?? "")
            return supplier.isNaturalPerson ? [id, row.supplierName ?? ""] : []
        }
    }

    static let columns: [DataColumn] = [
        Provenance.ejercicio("Ejercicio de la corrida de banderas"),
        Provenance.mes("Vacío: las banderas cubren el ejercicio entero"),
        Provenance.entidad(
            "Vacío: la corrida cubre todas las compras del ejercicio que tiene el libro, de cualquier entidad"),
        DataColumn(
            "corrida", .integer,
            "Número de la corrida de `transparencia banderas` publicada: la última guardada del ejercicio"),
        DataColumn("indicador", .string, "Indicador que levantó la bandera (TR01…TR20)"),
        DataColumn("nombre", .string, "Nombre del indicador"),
        DataColumn("severidad", .string, "informativo, medio o alto: cuánto conviene mirar, nunca un veredicto"),
        DataColumn("sujeto_tipo", .string, "A qué apunta: nog, npg, grupo (de compras), unidad o proveedor"),
        DataColumn("sujeto_id", .string, "Identificador del sujeto: NOG, NPG, código de unidad, NIT o clave del grupo"),
        DataColumn("sujeto", .string, "Nombre legible del sujeto: unidad, proveedor o descripción del grupo"),
        DataColumn("valor", .string, "Medida del indicador como texto exacto: razón, parte o días"),
        DataColumn("monto", .number, "Monto en juego en quetzales: suma del episodio, adjudicación o exceso"),
        DataColumn("detalle", .string, "Los hechos de la bandera en una oración"),
        DataColumn(
            "referencias", .string,
            "Referencias de la evidencia (NOG, NPG, línea presupuestaria, fila de ejecución), separadas por «; »"),
        DataColumn(
            "filas_evidencia", .integer,
            "Filas de evidencia detrás de la bandera (`transparencia banderas --tabla evidencia`)"),
        DataColumn(
            "explicacion", .string,
            "Una bandera es un motivo para mirar, nunca un hallazgo: explicaciones legítimas que hay que descartar primero"
        ),
        DataColumn(
            "huella_parametros", .string,
            "SHA-256 de los parámetros de la corrida: mismo libro y misma huella, mismas banderas"),
    ]
}
