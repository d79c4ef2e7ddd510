import Domain
import Foundation
import GRDB

extension Ledger {
    /// What the red-flag indicators read for a fiscal year, in a few set-based queries.
    ///
    /// ``procurements(year:unit:guatecomprasEntity:guatecomprasUnits:modalityCode:)`` loads each process's children
    /// with one query per table per process, which is far too slow for a national year (≈200,000 processes).
    /// Here each table is read once, in one sequential scan, with only the columns the indicators use, and the
    /// rows are attached to their process in memory. Sequential scans beat index lookups here: a year is most
    /// of a ledger's rows, and the child tables are narrow.
    ///
    /// The year holds every NOG published **or** awarded in it (the indicators choose which date counts), and the
    /// NPG purchases of input-level execution evidence (`link_evidence` rows with an NPG and no NOG) of that
    /// ejercicio: direct purchases that the OCDS feed never publishes. Supplier history covers every year up to
    /// the end of this one.
    ///
    /// - Parameter ejercicio: the fiscal year (Guatemala time).
    public func flagInputs(ejercicio: Int) throws -> FlagInputs {
        try writer.read { db in
            var reader = FlagInputReader(ejercicio: ejercicio)
            try reader.readProcurement(db)
            try reader.readAwards(db)
            try reader.readBids(db)
            try reader.readItems(db)
            try reader.readEvidence(db)
            return reader.inputs
        }
    }
}

/// One pass over each table behind ``Ledger/flagInputs(ejercicio:)``.
struct FlagInputReader {
    let ejercicio: Int
    /// `2022-01-01` and `2023-01-01`: ISO date texts compare as dates.
    let start: String
    let end: String

    private var purchases: [FlagPurchase] = []
    private var positionByID: [Int64: Int] = [:]
    private var positionByNOG: [String: Int] = [:]
    /// Every process's date for the history (award, else publication) and its unit, across years.
    private var historyDate: [Int64: String] = [:]
    private var unitByNOG: [String: (code: String, name: String?)] = [:]
    private var coverage: String?
    private var history: [String: (first: String?, processes: Int, total: Int64, last: Int64)] = [:]
    private var npgHistory: [String: (first: String?, references: Set<String>, total: Int64)] = [:]
    private var links: [String: FlagUnitLink] = [:]
    private var npgPurchases: [FlagPurchase] = []

    init(ejercicio: Int) {
        self.ejercicio = ejercicio
        start = "\(ejercicio)-01-01"
        end = "\(ejercicio + 1)-01-01"
    }

    private func inYear(_ text: String?) -> Bool {
        guard let text else { return false }
        return text >= start && text < end
    }

    private static func date(_ text: String?) -> Date? {
        guard let text, case .date(let date) = ProcurementDate.parse(text) else { return nil }
        return date
    }

    private mutating func noteCoverage(_ text: String?) {
        guard let text, case .date = ProcurementDate.parse(text) else { return }
        if coverage.map({ text < $0 }) ?? true { coverage = text }
    }

    /// Every process: the year's in full, the others only for their date and unit.
    mutating func readProcurement(_ db: Database) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, nog, published_at, awarded_at, buying_unit_code, buying_unit_name, title, buyer_entity_code,
                       buyer_entity_name, modality_code, modality_text, status, ocds_status, tender_end_at
                FROM procurement ORDER BY id
                """)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let nog: String = row[1]
            let published: String? = row[2]
            let awarded: String? = row[3]
            let unitCode: String? = row[4]
            let unitName: String? = row[5]
            if let date = awarded ?? published { historyDate[id] = date }
            noteCoverage(published ?? awarded)
            if let unitCode { unitByNOG[nog] = (unitCode, unitName) }
            guard inYear(published) || inYear(awarded) else { continue }
            positionByID[id] = purchases.count
            positionByNOG[nog] = purchases.count
            purchases.append(
                FlagPurchase(
                    kind: .nog, reference: nog, title: row[6], entityCode: row[7], entityName: row[8], unitCode: unitCode,
                    unitName: unitName, modalityCode: row[9], modalityText: row[10], status: row[11], ocdsStatus: row[12],
                    publishedAt: Self.date(published), tenderEndAt: Self.date(row[13]), awardedAt: Self.date(awarded)))
        }
    }

    /// Every award: attached to the year's processes, and added to its supplier's history when active and dated
    /// before the end of the year. Awards of one process are contiguous (a process's children are written
    /// together), so "processes won" counts a process once per supplier.
    mutating func readAwards(_ db: Database) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT procurement_id, supplier_id, supplier_name, amount, status, date FROM award ORDER BY id")
        while let row = try rows.next() {
            let procurementID: Int64 = row[0]
            let supplier: String = row[1]
            let amount: Int64? = row[3]
            let status: String? = row[4]
            let dateText: String? = row[5]
            if let position = positionByID[procurementID] {
                purchases[position].awards.append(
                    FlagAward(
                        supplierID: supplier, supplierName: row[2], amount: amount.map(Money.init(centavos:)),
                        status: status, date: Self.date(dateText)))
            }
            let lowered = status?.lowercased()
            guard lowered != "cancelled", lowered != "unsuccessful",
                let when = dateText ?? historyDate[procurementID], when < end
            else { continue }
            var entry = history[supplier] ?? (nil, 0, 0, -1)
            if case .date = ProcurementDate.parse(when), entry.first.map({ when < $0 }) ?? true { entry.first = when }
            if entry.last != procurementID {
                entry.processes += 1
                entry.last = procurementID
            }
            entry.total += amount ?? 0
            history[supplier] = entry
        }
    }

    mutating func readBids(_ db: Database) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT procurement_id, tenderer_id, tenderer_name, amount, status FROM bid ORDER BY id")
        while let row = try rows.next() {
            guard let position = positionByID[row[0]] else { continue }
            purchases[position].bids.append(
                FlagBid(
                    tendererID: row[1], tendererName: row[2], amount: (row[3] as Int64?).map(Money.init(centavos:)),
                    status: row[4]))
        }
    }

    mutating func readItems(_ db: Database) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT procurement_id, classification_id, description, quantity, unit_name FROM procurement_item ORDER BY id")
        while let row = try rows.next() {
            guard let position = positionByID[row[0]] else { continue }
            purchases[position].items.append(
                FlagItem(
                    classificationID: row[1], description: row[2],
                    quantity: (row[3] as String?).flatMap { Decimal(string: $0) }, unitName: row[4]))
        }
    }

    /// Input-level execution, in one pass: renglón amounts of the year's NOGs (any ejercicio: a purchase may be
    /// paid the next year, its renglón is the same), which executing unit pays which buying unit's NOGs, and the
    /// NPG purchases: one per (NPG, entidad, unidad ejecutora), one award per NIT, amounts by renglón, dated by
    /// the earliest approval.
    mutating func readEvidence(_ db: Database) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT nog, npg, entidad, unidad_ejecutora, renglon, programa, nit, proveedor, monto, fecha, ejercicio
                FROM link_evidence WHERE kind = 'insumo' ORDER BY id
                """)
        var renglonAmounts: [Int: [String: (renglon: Renglon, programa: String?, amount: Int64)]] = [:]
        var npgPositions: [String: Int] = [:]
        while let row = try rows.next() {
            let nog: String? = row[0]
            let npg: String? = row[1]
            let entidad: String? = row[2]
            let unidad: String? = row[3]
            let renglon = (row[4] as String?).flatMap(Renglon.init(rawValue:))
            let programa: String? = row[5]
            let monto: Int64 = row[8]
            let fecha: String? = row[9]
            if let nog {
                if let entidad, let unidad, let unit = unitByNOG[nog] {
                    let key = entidad + "\u{1F}" + unidad + "\u{1F}" + unit.code
                    var link = links[key]
                        ?? FlagUnitLink(
                            sicoinEntidad: entidad, sicoinUnidadEjecutora: unidad, unitCode: unit.code, unitName: unit.name,
                            rows: 0)
                    link.rows += 1
                    links[key] = link
                }
                if let position = positionByNOG[nog], let renglon {
                    let key = renglon.rawValue + "\u{1F}" + (programa ?? "")
                    var entry = renglonAmounts[position, default: [:]][key] ?? (renglon, programa, 0)
                    entry.amount += monto
                    renglonAmounts[position, default: [:]][key] = entry
                }
                continue
            }
            guard let npg else { continue }
            let nit: String = row[6] ?? ""
            noteCoverage(fecha)
            if !nit.isEmpty, let fecha, fecha < end {
                var entry = npgHistory[nit] ?? (nil, [], 0)
                if case .date = ProcurementDate.parse(fecha), entry.first.map({ fecha < $0 }) ?? true { entry.first = fecha }
                entry.references.insert(npg)
                entry.total += monto
                npgHistory[nit] = entry
            }
            let year: Int? = row[10]
            guard year == ejercicio || (year == nil && inYear(fecha)) else { continue }
            let key = npg + "\u{1F}" + (entidad ?? "") + "\u{1F}" + (unidad ?? "")
            let position: Int
            if let known = npgPositions[key] {
                position = known
            } else {
                position = npgPurchases.count
                npgPositions[key] = position
                npgPurchases.append(
                    FlagPurchase(
                        kind: .npg, reference: npg, title: "", entityCode: entidad, sicoinEntidad: entidad,
                        sicoinUnidadEjecutora: unidad))
            }
            let amount = Money(centavos: monto)
            let day = Self.date(fecha)
            if let day, npgPurchases[position].awardedAt.map({ day < $0 }) ?? true { npgPurchases[position].awardedAt = day }
            if let renglon {
                if let index = npgPurchases[position].renglones.firstIndex(where: {
                    $0.renglon == renglon && $0.programa == programa
                }) {
                    npgPurchases[position].renglones[index].amount += amount
                } else {
                    npgPurchases[position].renglones.append(FlagRenglonAmount(renglon: renglon, programa: programa, amount: amount))
                }
            }
            if let index = npgPurchases[position].awards.firstIndex(where: { $0.supplierID == nit }) {
                npgPurchases[position].awards[index].amount = (npgPurchases[position].awards[index].amount ?? .zero) + amount
                if let day, npgPurchases[position].awards[index].date.map({ day < $0 }) ?? true {
                    npgPurchases[position].awards[index].date = day
                }
            } else {
                npgPurchases[position].awards.append(
                    FlagAward(supplierID: nit, supplierName: row[7] ?? "", amount: amount, date: day))
            }
        }
        for (position, lines) in renglonAmounts {
            purchases[position].renglones = lines.keys.sorted().compactMap { key in
                lines[key].map { FlagRenglonAmount(renglon: $0.renglon, programa: $0.programa, amount: Money(centavos: $0.amount)) }
            }
        }
    }

    /// The inputs read.
    var inputs: FlagInputs {
        var suppliers: [String: FlagSupplierHistory] = [:]
        for (id, entry) in history {
            suppliers[id] = FlagSupplierHistory(
                firstAwardAt: Self.date(entry.first), processes: entry.processes, total: Money(centavos: entry.total))
        }
        for (nit, entry) in npgHistory {
            let first = Self.date(entry.first)
            if var known = suppliers[nit] {
                if let first, known.firstAwardAt.map({ first < $0 }) ?? true { known.firstAwardAt = first }
                known.processes += entry.references.count
                known.total += Money(centavos: entry.total)
                suppliers[nit] = known
            } else {
                suppliers[nit] = FlagSupplierHistory(
                    firstAwardAt: first, processes: entry.references.count, total: Money(centavos: entry.total))
            }
        }
        let sortedLinks = links.values.sorted {
            ($0.sicoinEntidad, $0.sicoinUnidadEjecutora, $0.unitCode) < ($1.sicoinEntidad, $1.sicoinUnidadEjecutora, $1.unitCode)
        }
        return FlagInputs(
            ejercicio: ejercicio, purchases: purchases + npgPurchases, supplierHistory: suppliers,
            coverageStart: Self.date(coverage), unitLinks: sortedLinks)
    }
}
