import Domain
import Foundation
import GRDB

/// Reads evidence rows in bulk, grouped by NOG, with the file each came from.
enum LinkEvidenceQuery {
    /// Evidence rows naming a NOG, of a year (or without year), optionally only for the NOGs a subquery returns
    /// and only for one SICOIN entidad (rows that name no entidad are kept: they may be the entidad's).
    static func byNOG(
        _ db: Database, ejercicio: Int, nogs: (sql: String, arguments: StatementArguments)? = nil,
        entidad: String? = nil
    ) throws -> [String: [StoredLinkEvidence]] {
        var arguments: StatementArguments = [ejercicio]
        var condition = "e.nog IS NOT NULL AND (e.ejercicio = ? OR e.ejercicio IS NULL)"
        if let entidad {
            condition += " AND (e.entidad = ? OR e.entidad IS NULL)"
            arguments += [entidad]
        }
        if let nogs {
            condition += " AND e.nog IN (\(nogs.sql))"
            arguments += nogs.arguments
        }
        var out: [String: [StoredLinkEvidence]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.id, e.import_run_id, r.file_name, e.kind, e.line, e.ejercicio, e.nog, e.npg, e.entidad,
                       e.unidad_ejecutora, e.programa, e.subprograma, e.proyecto, e.actividad, e.obra, e.renglon, e.nit,
                       e.monto, e.fecha
                FROM link_evidence e JOIN import_run r ON r.id = e.import_run_id
                WHERE \(condition) ORDER BY e.id
                """, arguments: arguments)
        while let row = try rows.next() {
            let nog: String = row[6]
            let renglon: String? = row[15]
            let evidence = LinkEvidence(
                kind: LinkEvidence.Kind(rawValue: row[3]) ?? .insumo, ejercicio: row[5], nog: nog, npg: row[7],
                entidad: row[8], unidadEjecutora: row[9], programa: row[10], subprograma: row[11], proyecto: row[12],
                actividad: row[13], obra: row[14], renglon: renglon.flatMap(Renglon.init(rawValue:)), nit: row[16],
                monto: Money(centavos: row[17]), fecha: row[18], sourceLine: row[4])
            out[nog, default: []].append(
                StoredLinkEvidence(id: row[0], importRunID: row[1], fileName: row[2], evidence: evidence))
        }
        return out
    }
}
