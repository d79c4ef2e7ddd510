import Domain
import Foundation
import GRDB

extension Ledger {
    /// What the red-flag indicators read for a fiscal year, in a few set-based queries.
    ///
    /// ``procurements(year:unit:guatecomprasEntity:guatecomprasUnits:modalityCode:)`` loads each process's children
    /// with one query per table per process, which is far too slow for a national year (≈200,000 processes).
    /// Here each table is read once for the whole year, with only the columns the indicators use, and the rows are
    /// attached to their process in memory.
    ///
    /// The year holds every NOG published **or** awarded in it (the indicators choose which date counts), and the
    /// NPG purchases of input-level execution evidence (`link_evidence` rows with an NPG and no NOG) of that
    /// ejercicio: direct purchases that the OCDS feed never publishes.
    ///
    /// - Parameter ejercicio: the fiscal year (Guatemala time).
    public func flagInputs(ejercicio: Int) throws -> FlagInputs {
        try writer.read { db in
            let window = FlagYearWindow(ejercicio)
            var purchases = try FlagInputQueries.processes(db, window)
            try FlagInputQueries.attachChildren(db, window, to: &purchases)
            let npg = try FlagInputQueries.npgPurchases(db, ejercicio: ejercicio)
            return FlagInputs(
                ejercicio: ejercicio, purchases: purchases.list + npg,
                supplierHistory: try FlagInputQueries.supplierHistory(db, before: window.end),
                coverageStart: try FlagInputQueries.coverageStart(db),
                unitLinks: try FlagInputQueries.unitLinks(db))
        }
    }
}

/// The text bounds of a year in the ledger's ISO date columns (`2022-01-01` ≤ date < `2023-01-01`).
struct FlagYearWindow {
    let start: String
    let end: String

    init(_ year: Int) {
        start = "\(year)-01-01"
        end = "\(year + 1)-01-01"
    }

    /// The SQL condition on `procurement` (aliased `p`) and its arguments.
    var condition: String {
        "((p.published_at >= ? AND p.published_at < ?) OR (p.awarded_at >= ? AND p.awarded_at < ?))"
    }

    var arguments: StatementArguments { [start, end, start, end] }
}

/// The queries behind ``Ledger/flagInputs(ejercicio:)``: each reads one table once for the whole year.
enum FlagInputQueries {
    /// The year's processes, in publication order, with their row ids mapped to positions in the list.
    struct Processes {
        var list: [FlagPurchase] = []
        var positionByID: [Int64: Int] = [:]
        var positionByNOG: [String: Int] = [:]
    }

    static func processes(_ db: Database, _ window: FlagYearWindow) throws -> Processes {
        var result = Processes()
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT p.id, p.nog, p.title, p.buyer_entity_code, p.buyer_entity_name, p.buying_unit_code,
                       p.buying_unit_name, p.modality_code, p.modality_text, p.status, p.ocds_status, p.published_at,
                       p.tender_end_at, p.awarded_at
                FROM procurement p WHERE \(window.condition)
                ORDER BY p.published_at, p.nog
                """, arguments: window.arguments)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let nog: String = row[1]
            result.positionByID[id] = result.list.count
            result.positionByNOG[nog] = result.list.count
            result.list.append(
                FlagPurchase(
                    kind: .nog, reference: nog, title: row[2], entityCode: row[3], entityName: row[4], unitCode: row[5],
                    unitName: row[6], modalityCode: row[7], modalityText: row[8], status: row[9], ocdsStatus: row[10],
                    publishedAt: date(row[11]), tenderEndAt: date(row[12]), awardedAt: date(row[13])))
        }
        return result
    }

    /// Awards, bids, items and renglón amounts of the year's processes: one query per table.
    static func attachChildren(_ db: Database, _ window: FlagYearWindow, to processes: inout Processes) throws {
        let inYear = "procurement_id IN (SELECT p.id FROM procurement p WHERE \(window.condition))"
        let awards = try Row.fetchCursor(
            db,
            sql: """
                SELECT procurement_id, supplier_id, supplier_name, amount, status, date FROM award
                WHERE \(inYear) ORDER BY procurement_id, id
                """, arguments: window.arguments)
        while let row = try awards.next() {
            guard let position = processes.positionByID[row[0]] else { continue }
            processes.list[position].awards.append(
                FlagAward(
                    supplierID: row[1], supplierName: row[2], amount: (row[3] as Int64?).map(Money.init(centavos:)),
                    status: row[4], date: date(row[5])))
        }
        let bids = try Row.fetchCursor(
            db,
            sql: """
                SELECT procurement_id, tenderer_id, tenderer_name, amount, status FROM bid
                WHERE \(inYear) ORDER BY procurement_id, id
                """, arguments: window.arguments)
        while let row = try bids.next() {
            guard let position = processes.positionByID[row[0]] else { continue }
            processes.list[position].bids.append(
                FlagBid(
                    tendererID: row[1], tendererName: row[2], amount: (row[3] as Int64?).map(Money.init(centavos:)),
                    status: row[4]))
        }
        let items = try Row.fetchCursor(
            db,
            sql: """
                SELECT procurement_id, classification_id, description, quantity, unit_name FROM procurement_item
                WHERE \(inYear) ORDER BY procurement_id, position
                """, arguments: window.arguments)
        while let row = try items.next() {
            guard let position = processes.positionByID[row[0]] else { continue }
            processes.list[position].items.append(
                FlagItem(
                    classificationID: row[1], description: row[2],
                    quantity: (row[3] as String?).flatMap { Decimal(string: $0) }, unitName: row[4]))
        }
        // Renglón amounts of the year's NOGs, from input-level execution (any ejercicio: a purchase may be paid
        // the following year, and its renglón is still the same).
        let renglones = try Row.fetchCursor(
            db,
            sql: """
                SELECT nog, renglon, programa, SUM(monto) FROM link_evidence
                WHERE kind = 'insumo' AND renglon IS NOT NULL
                  AND nog IN (SELECT p.nog FROM procurement p WHERE \(window.condition))
                GROUP BY nog, renglon, programa ORDER BY nog, renglon, programa
                """, arguments: window.arguments)
        while let row = try renglones.next() {
            guard let position = processes.positionByNOG[row[0]], let renglon = Renglon(rawValue: row[1]) else {
                continue
            }
            processes.list[position].renglones.append(
                FlagRenglonAmount(renglon: renglon, programa: row[2], amount: Money(centavos: row[3])))
        }
    }

    /// NPG purchases of an ejercicio from input-level execution: one purchase per (NPG, entidad, unidad
    /// ejecutora), one award per NIT, amounts by renglón; dated by the earliest approval date.
    static func npgPurchases(_ db: Database, ejercicio: Int) throws -> [FlagPurchase] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT npg, COALESCE(entidad, ''), COALESCE(unidad_ejecutora, ''), renglon, programa,
                       COALESCE(nit, ''), MAX(proveedor), SUM(monto), MIN(fecha)
                FROM link_evidence
                WHERE kind = 'insumo' AND npg IS NOT NULL AND nog IS NULL
                  AND (ejercicio = ? OR (ejercicio IS NULL AND fecha >= ? AND fecha < ?))
                GROUP BY npg, entidad, unidad_ejecutora, renglon, programa, nit
                ORDER BY npg, entidad, unidad_ejecutora, nit, renglon, programa
                """, arguments: [ejercicio, "\(ejercicio)-01-01", "\(ejercicio + 1)-01-01"])
        var purchases: [FlagPurchase] = []
        var byKey: [String: Int] = [:]
        while let row = try rows.next() {
            let npg: String = row[0]
            let entidad: String = row[1]
            let unidad: String = row[2]
            let key = npg + "\u{1F}" + entidad + "\u{1F}" + unidad
            let position: Int
            if let known = byKey[key] {
                position = known
            } else {
                position = purchases.count
                byKey[key] = position
                purchases.append(
                    FlagPurchase(
                        kind: .npg, reference: npg, title: "", entityCode: entidad.isEmpty ? nil : entidad,
                        sicoinEntidad: entidad.isEmpty ? nil : entidad,
                        sicoinUnidadEjecutora: unidad.isEmpty ? nil : unidad))
            }
            let amount = Money(centavos: row[7])
            let day = date(row[8])
            if let earliest = day, purchases[position].awardedAt.map({ earliest < $0 }) ?? true {
                purchases[position].awardedAt = earliest
            }
            if let text: String = row[3], let renglon = Renglon(rawValue: text) {
                purchases[position].renglones.append(FlagRenglonAmount(renglon: renglon, programa: row[4], amount: amount))
            }
            let nit: String = row[5]
            if let index = purchases[position].awards.firstIndex(where: { $0.supplierID == nit }) {
                purchases[position].awards[index].amount = (purchases[position].awards[index].amount ?? .zero) + amount
            } else {
                purchases[position].awards.append(
                    FlagAward(supplierID: nit, supplierName: row[6] ?? "", amount: amount, date: day))
            }
        }
        return purchases
    }

    /// Each supplier's active awards (and NPG purchases) dated before `end`, across every year.
    static func supplierHistory(_ db: Database, before end: String) throws -> [String: FlagSupplierHistory] {
        var history: [String: FlagSupplierHistory] = [:]
        let awards = try Row.fetchCursor(
            db,
            sql: """
                SELECT a.supplier_id, MIN(COALESCE(a.date, p.awarded_at, p.published_at)),
                       COUNT(DISTINCT a.procurement_id), COALESCE(SUM(a.amount), 0)
                FROM award a JOIN procurement p ON p.id = a.procurement_id
                WHERE (a.status IS NULL OR lower(a.status) NOT IN ('cancelled', 'unsuccessful'))
                  AND COALESCE(a.date, p.awarded_at, p.published_at) < ?
                GROUP BY a.supplier_id
                """, arguments: [end])
        while let row = try awards.next() {
            history[row[0]] = FlagSupplierHistory(firstAwardAt: date(row[1]), processes: row[2], total: Money(centavos: row[3]))
        }
        let npg = try Row.fetchCursor(
            db,
            sql: """
                SELECT nit, MIN(fecha), COUNT(DISTINCT npg), SUM(monto) FROM link_evidence
                WHERE kind = 'insumo' AND npg IS NOT NULL AND nog IS NULL AND nit IS NOT NULL AND fecha < ?
                GROUP BY nit
                """, arguments: [end])
        while let row = try npg.next() {
            let first = date(row[1])
            let processes: Int = row[2]
            let total = Money(centavos: row[3])
            if var known = history[row[0]] {
                if let first, known.firstAwardAt.map({ first < $0 }) ?? true { known.firstAwardAt = first }
                known.processes += processes
                known.total += total
                history[row[0]] = known
            } else {
                history[row[0]] = FlagSupplierHistory(firstAwardAt: first, processes: processes, total: total)
            }
        }
        return history
    }

    /// The earliest publication, award or approval date in the ledger.
    static func coverageStart(_ db: Database) throws -> Date? {
        let texts = [
            try String.fetchOne(db, sql: "SELECT MIN(COALESCE(published_at, awarded_at)) FROM procurement"),
            try String.fetchOne(
                db, sql: "SELECT MIN(fecha) FROM link_evidence WHERE kind = 'insumo' AND npg IS NOT NULL AND nog IS NULL"),
        ]
        return texts.compactMap { date($0) }.min()
    }

    /// Executing units seen paying each buying unit's NOGs, across every year.
    static func unitLinks(_ db: Database) throws -> [FlagUnitLink] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT l.entidad, l.unidad_ejecutora, p.buying_unit_code, MAX(p.buying_unit_name), COUNT(*)
                FROM link_evidence l JOIN procurement p ON p.nog = l.nog
                WHERE l.entidad IS NOT NULL AND l.unidad_ejecutora IS NOT NULL AND p.buying_unit_code IS NOT NULL
                GROUP BY l.entidad, l.unidad_ejecutora, p.buying_unit_code
                ORDER BY l.entidad, l.unidad_ejecutora, p.buying_unit_code
                """
        ).map { row in
            FlagUnitLink(sicoinEntidad: row[0], sicoinUnidadEjecutora: row[1], unitCode: row[2], unitName: row[3], rows: row[4])
        }
    }

    private static func date(_ text: String?) -> Date? {
        guard let text, case .date(let date) = ProcurementDate.parse(text) else { return nil }
        return date
    }
}
