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
        try read { db in
            var candidates = try FlagSpendingReader.read(db, ejercicio: ejercicio)
            return candidates.takeSpending(nogs: nogs)
        }
    }
}

/// Spending read before the year's NOGs are known (it runs beside the purchases' read): every evidence row that
/// may count, each marked with whether its own year makes it count.
struct FlagSpendingCandidates: Sendable {
    var spending = FlagSpending()
    /// For each row of `spending.evidence`: in the year by its own ejercicio or date.
    var inYear: [Bool] = []
    /// For each row: it names a NOG the ledger has no procurement record of.
    var unknownNOG: [Bool] = []

    /// The spending of the year: rows in the year, and rows of any year for one of the year's NOGs.
    ///
    /// Rows are kept in place and moved out (the candidates are left empty): copying 200,000 evidence rows into a
    /// new array retained each of their texts.
    mutating func takeSpending(nogs: Set<String>) -> FlagSpending { takeSpending { nogs.contains($0) } }

    /// ``takeSpending(nogs:)`` asking a test instead of a set (the purchases reader already indexes the year's NOGs).
    mutating func takeSpending(isYearNOG: (String) -> Bool) -> FlagSpending {
        var result = FlagSpending()
        swap(&result, &spending)
        var kept = 0
        for index in result.evidence.indices {
            guard inYear[index] || result.evidence[index].evidence.nog.map(isYearNOG) == true else { continue }
            if unknownNOG[index], let nog = result.evidence[index].evidence.nog { result.unknownNOGs.insert(nog) }
            if kept != index { result.evidence.swapAt(kept, index) }
            kept += 1
        }
        result.evidence.removeLast(result.evidence.count - kept)
        return result
    }
}

/// The queries behind ``Ledger/flagSpending(ejercicio:nogs:)``: one scan of `link_evidence`, one join of links to
/// their products.
enum FlagSpendingReader {
    /// Every query of ``Ledger/flagSpending(ejercicio:nogs:)`` in a read already open.
    static func read(_ db: Database, ejercicio: Int) throws -> FlagSpendingCandidates {
        var candidates = FlagSpendingCandidates()
        try readEvidence(db, ejercicio: ejercicio, into: &candidates)
        candidates.spending.linkedAmounts = try linkedAmounts(db, ejercicio: ejercicio)
        let evidenceThrough = try String.fetchOne(db, sql: "SELECT MAX(fecha) FROM link_evidence")
        let budgetThrough = try String.fetchOne(db, sql: "SELECT MAX(corte) FROM budget_snapshot")
        candidates.spending.executionThrough = [evidenceThrough, budgetThrough].compactMap { $0 }.max()
        candidates.spending.budgetLines = try Ledger.budgetTotalsByStructure(db, ejercicio: ejercicio)
        return candidates
    }

    static func readEvidence(_ db: Database, ejercicio: Int, into candidates: inout FlagSpendingCandidates) throws {
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
            guard inYear || nog != nil else { continue }
            let renglon: String? = row[17]
            let evidence = LinkEvidence(
                kind: LinkEvidence.Kind(rawValue: row[3]) ?? .insumo, ejercicio: rowYear, nog: nog, npg: row[7],
                noCur: row[8], claseRegistro: row[9], entidad: row[10], unidadEjecutora: row[11], programa: row[12],
                subprograma: row[13], proyecto: row[14], actividad: row[15], obra: row[16],
                renglon: renglon.flatMap(Renglon.init(rawValue:)), nit: row[18], proveedor: row[19],
                monto: Money(centavos: row[20]), fecha: fecha, sourceLine: row[4])
            candidates.spending.evidence.append(
                StoredLinkEvidence(id: row[0], importRunID: row[1], fileName: row[2], evidence: evidence))
            candidates.inYear.append(inYear)
            candidates.unknownNOG.append(nog != nil && row[22] as Bool)
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
