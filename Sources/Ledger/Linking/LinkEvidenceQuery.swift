import Domain
import Foundation
import GRDB

/// Reads evidence rows in bulk, grouped by NOG, with the file each came from.
enum LinkEvidenceQuery {
    /// Evidence rows naming a NOG, of a year (or without year), optionally only for the NOGs a subquery returns
    /// and only for one SICOIN entidad (rows that name no entidad are kept: they may be the entidad's).
    ///
    /// Rows are stepped with SQLite's own functions (``FlagRawStatement``): a national year has 300,000 of them,
    /// and decoding nineteen columns each through GRDB's rows cost more than the query.
    static func byNOG(
        _ db: Database, ejercicio: Int, nogs: (sql: String, arguments: StatementArguments)? = nil,
        entidad: String? = nil
    ) throws -> [String: [StoredLinkEvidence]] {
        var out: [String: [StoredLinkEvidence]] = [:]
        try forEach(db, ejercicio: ejercicio, nogs: nogs, entidad: entidad) {
            out[$0.evidence.nog ?? "", default: []].append($0)
        }
        return out
    }

    /// The rows ``forEach(_:ejercicio:nogs:entidad:_:)`` reads, in the same order, handed over as SQLite's row in
    /// place with only the columns ``LinkEvidenceColumn`` names: no strings are made but the file's name, once
    /// per import run.
    static func forEachRow(
        _ db: Database, ejercicio: Int, entidad: String?, _ body: (LinkEvidenceRowView) throws -> Void
    ) throws {
        let (condition, arguments) = scope(ejercicio: ejercicio, nogs: nil, entidad: entidad)
        var fileNames: [Int64: String] = [:]
        let columns = LinkEvidenceColumn.allCases.map(\.expression).joined(separator: ", ")
        let rows = try FlagRawStatement(
            db,
            sql: """
                SELECT \(columns)
                FROM link_evidence e JOIN import_run r ON r.id = e.import_run_id
                WHERE \(condition) ORDER BY e.id
                """, arguments: arguments)
        while try rows.step() {
            let runID = rows.int64(LinkEvidenceColumn.importRunID.rawValue)
            let fileName: String
            if let known = fileNames[runID] {
                fileName = known
            } else {
                fileName = rows.string(LinkEvidenceColumn.fileName.rawValue) ?? ""
                fileNames[runID] = fileName
            }
            try body(
                LinkEvidenceRowView(
                    statement: rows, id: rows.int64(LinkEvidenceColumn.id.rawValue), fileName: fileName))
        }
    }

    /// The condition on `link_evidence e` both reads share, with its placeholders' values.
    private static func scope(
        ejercicio: Int, nogs: (sql: String, arguments: StatementArguments)?, entidad: String?
    ) -> (String, StatementArguments) {
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
        return (condition, arguments)
    }

    /// The rows ``byNOG(_:ejercicio:nogs:entidad:)`` reads, one at a time in id order.
    static func forEach(
        _ db: Database, ejercicio: Int, nogs: (sql: String, arguments: StatementArguments)?, entidad: String?,
        _ body: (StoredLinkEvidence) throws -> Void
    ) throws {
        let (condition, arguments) = scope(ejercicio: ejercicio, nogs: nogs, entidad: entidad)
        // The few import runs' file names, made once rather than once per row.
        var fileNames: [Int64: String] = [:]
        let rows = try FlagRawStatement(
            db,
            sql: """
                SELECT e.id, e.import_run_id, r.file_name, e.kind, e.line, e.ejercicio, e.nog, e.npg, e.entidad,
                       e.unidad_ejecutora, e.programa, e.subprograma, e.proyecto, e.actividad, e.obra, e.renglon, e.nit,
                       e.monto, e.fecha
                FROM link_evidence e JOIN import_run r ON r.id = e.import_run_id
                WHERE \(condition) ORDER BY e.id
                """, arguments: arguments)
        while try rows.step() {
            let nog = rows.string(6) ?? ""
            let runID = rows.int64(1)
            let fileName: String
            if let known = fileNames[runID] {
                fileName = known
            } else {
                fileName = rows.string(2) ?? ""
                fileNames[runID] = fileName
            }
            let evidence = LinkEvidence(
                kind: rows.string(3).flatMap(LinkEvidence.Kind.init(rawValue:)) ?? .insumo,
                ejercicio: rows.isNull(5) ? nil : Int(rows.int64(5)), nog: nog, npg: rows.string(7),
                entidad: rows.string(8), unidadEjecutora: rows.string(9), programa: rows.string(10),
                subprograma: rows.string(11), proyecto: rows.string(12), actividad: rows.string(13),
                obra: rows.string(14), renglon: rows.string(15).flatMap(Renglon.init(rawValue:)), nit: rows.string(16),
                monto: Money(centavos: rows.int64(17)), fecha: rows.string(18), sourceLine: Int(rows.int64(4)))
            try body(StoredLinkEvidence(id: rows.int64(0), importRunID: runID, fileName: fileName, evidence: evidence))
        }
    }
}
