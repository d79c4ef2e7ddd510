import Domain
import Foundation
import GRDB

extension Ledger {
    /// What the budget-linked red flags read for a fiscal year besides the purchases (see ``FlagSpending``).
    ///
    /// - Parameters:
    ///   - ejercicio: the fiscal year.
    ///   - nogs: the year's NOGs: their evidence counts whatever its year (a purchase may be paid the next one).
    public func flagSpending(ejercicio: Int, nogs: Set<String>) throws -> FlagSpending {
        var spending = try read { db in
            var spending = FlagSpending()
            try FlagSpendingReader.readEvidence(db, ejercicio: ejercicio, nogs: nogs, into: &spending)
            spending.linkedAmounts = try FlagSpendingReader.linkedAmounts(db, ejercicio: ejercicio)
            let evidenceThrough = try String.fetchOne(db, sql: "SELECT MAX(fecha) FROM link_evidence")
            let budgetThrough = try String.fetchOne(db, sql: "SELECT MAX(corte) FROM budget_snapshot")
            spending.executionThrough = [evidenceThrough, budgetThrough].compactMap { $0 }.max()
            return spending
        }
        spending.budgetLines = try budgetTotalsByStructure(ejercicio: ejercicio)
        return spending
    }
}

/// The queries behind ``Ledger/flagSpending(ejercicio:nogs:)``: one scan of `link_evidence`, one join of links to
/// their products.
enum FlagSpendingReader {
    static func readEvidence(_ db: Database, ejercicio: Int, nogs: Set<String>, into spending: inout FlagSpending)
        throws
    {
        let year = String(ejercicio)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.id, e.import_run_id, r.file_name, e.kind, e.line, e.ejercicio, e.nog, e.npg, e.no_cur,
                       e.clase_registro, e.entidad, e.unidad_ejecutora, e.programa, e.subprograma, e.proyecto, e.actividad,
                       e.obra, e.renglon, e.nit, e.proveedor, e.monto, e.fecha,
                       e.nog IS NOT NULL AND NOT EXISTS (SELECT 1 FROM procurement p WHERE p.nog = e.nog)
                FROM link_evidence e JOIN import_run r ON r.id = e.import_run_id
                WHERE e.ejercicio = ? OR e.ejercicio IS NULL OR e.nog IS NOT NULL ORDER BY e.id
                """, arguments: [ejercicio])
        while let row = try rows.next() {
            let rowYear: Int? = row[5]
            let nog: String? = row[6]
            let fecha: String? = row[21]
            let inYear = rowYear == ejercicio || (rowYear == nil && fecha?.hasPrefix(year) == true)
            guard inYear || nog.map(nogs.contains) == true else { continue }
            let renglon: String? = row[17]
            let evidence = LinkEvidence(
                kind: LinkEvidence.Kind(rawValue: row[3]) ?? .insumo, ejercicio: rowYear, nog: nog, npg: row[7],
                noCur: row[8], claseRegistro: row[9], entidad: row[10], unidadEjecutora: row[11], programa: row[12],
                subprograma: row[13], proyecto: row[14], actividad: row[15], obra: row[16],
                renglon: renglon.flatMap(Renglon.init(rawValue:)), nit: row[18], proveedor: row[19],
                monto: Money(centavos: row[20]), fecha: fecha, sourceLine: row[4])
            spending.evidence.append(
                StoredLinkEvidence(id: row[0], importRunID: row[1], fileName: row[2], evidence: evidence))
            if let nog, row[22] as Bool { spending.unknownNOGs.insert(nog) }
        }
    }

    static func linkedAmounts(_ db: Database, ejercicio: Int) throws -> [FlagLinkedAmount] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT l.nog, l.renglon, l.amount, p.entidad, p.unidad_ejecutora, p.programa, p.subprograma, p.proyecto,
                       p.actividad, p.obra
                FROM procurement_link l JOIN product p ON p.ejercicio = l.ejercicio AND p.code = l.product_code
                WHERE l.ejercicio = ? AND l.method <> 'evidencia' ORDER BY l.id
                """, arguments: [ejercicio])
        var out: [FlagLinkedAmount] = []
        while let row = try rows.next() {
            let renglon: String? = row[1]
            out.append(
                FlagLinkedAmount(
                    nog: row[0],
                    structure: BudgetStructure(
                        entidad: row[3], unidadEjecutora: row[4], programa: row[5], subprograma: row[6],
                        proyecto: row[7],
                        actividad: row[8], obra: row[9]),
                    renglon: renglon.flatMap(Renglon.init(rawValue:)), amount: Money(centavos: row[2])))
        }
        return out
    }
}
