import Domain
import Foundation
import GRDB
import GRDBSQLite

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
    /// the end of this one. The budget-linked indicators' inputs come with them (``flagSpending(ejercicio:nogs:)``).
    ///
    /// - Parameter ejercicio: the fiscal year (Guatemala time).
    public func flagInputs(ejercicio: Int) throws -> FlagInputs {
        // The purchases on one connection, the execution evidence on another, at the same time and in the same
        // committed state: neither needs the other until both are read.
        var (purchases, execution) = try readConcurrently(
            { db in
                var reader = FlagInputReader(ejercicio: ejercicio)
                try reader.readProcurement(db)
                try reader.readAwards(db)
                try reader.readBids(db)
                try reader.readItems(db)
                return reader
            },
            { db in
                var evidence = FlagEvidenceReader(ejercicio: ejercicio)
                return (
                    evidence: try evidence.read(db), spending: try FlagSpendingReader.read(db, ejercicio: ejercicio)
                )
            })
        // Both are changed in place: a copy of either would copy a national year's rows.
        purchases.attach(execution.evidence)
        var inputs = try purchases.finish()
        inputs.spending = execution.spending.takeSpending(isYearNOG: purchases.isYearNOG)
        return inputs
    }
}

/// One pass over each purchase table behind ``Ledger/flagInputs(ejercicio:)`` (``FlagEvidenceReader`` reads the
/// execution evidence).
///
/// Rows are read with SQLite's own cursor functions (``FlagRawStatement``), not GRDB rows: a national year is
/// about a million rows, and reading dates and repeated names straight from SQLite's buffers (without making a
/// `String` of each) is most of what makes this fast.
struct FlagInputReader {
    let ejercicio: Int
    private let year: FlagYear

    private var purchases: [FlagPurchase] = []
    /// Position in ``purchases`` by `procurement.id` (−1: not in the year). Ids are autoincremented, so an array
    /// indexed by id is small and much faster than a dictionary over 200,000 keys.
    private var positionByID: [Int32] = []
    private var positionByNOG: [String: Int] = [:]
    /// Every process's date for the history (award, else publication), by `procurement.id`, across years
    /// (`timeIntervalSince1970`; NaN when it has none).
    private var historyDate: [Double] = []
    private var coverage: Date?
    private var history: [String: (first: Date?, processes: Int, total: Int64, last: Int64)] = [:]
    private var npgHistory: [String: (first: Date?, references: Set<String>, total: Int64)] = [:]
    private var links: [LinkKey: FlagUnitLink] = [:]
    private var npgPurchases: [FlagPurchase] = []
    /// Repeated texts (names, modality labels, statuses) share one `String`.
    private var texts = FlagTextInterner()

    /// An executing unit paying a buying unit's NOG.
    private struct LinkKey: Hashable {
        let entidad: String
        let unidad: String
        let unit: String
    }

    init(ejercicio: Int) {
        self.ejercicio = ejercicio
        year = FlagYear(ejercicio)
    }

    // MARK: - Dates

    /// A stored date. The ledger writes dates in one shape (`2022-06-03T10:15:00-06:00`, or `2022-06-03` in
    /// link evidence), so those are read by position; anything else goes through ``ProcurementDate/parse(_:)``.
    static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        if let fast = text.utf8.withContiguousStorageIfAvailable(canonicalDate), let date = fast { return date }
        guard case .date(let date) = ProcurementDate.parse(text) else { return nil }
        return date
    }

    /// A date from a column's bytes, without making a `String` in the usual case.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>?) -> Date? {
        guard let bytes else { return nil }
        if let date = canonicalDate(bytes) { return date }
        guard case .date(let date) = ProcurementDate.parse(String(decoding: bytes, as: UTF8.self)) else { return nil }
        return date
    }

    private static func canonicalDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        func number(_ from: Int, _ count: Int) -> Int? { bytes.decimalNumber(from: from, count: count) }
        guard bytes.count == 10 || bytes.count == 25, bytes[4] == 0x2D, bytes[7] == 0x2D,
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2)
        else { return nil }
        if bytes.count == 10 { return ProcurementDate.date(year: year, month: month, day: day) }
        // `T…-06:00`: Guatemala's fixed offset, the only one the ledger writes.
        guard bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A, bytes[19] == 0x2D, bytes[22] == 0x3A,
            bytes[20] == 0x30, bytes[21] == 0x36, bytes[23] == 0x30, bytes[24] == 0x30,
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2)
        else { return nil }
        return ProcurementDate.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// A stored quantity (`100`, `10.5`): plain digits are read directly, anything else by `Decimal(string:)`.
    static func quantity(_ text: String) -> Decimal? {
        text.utf8.withContiguousStorageIfAvailable(quantity) ?? Decimal(string: text)
    }

    private static func quantity(_ bytes: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var significand: UInt64 = 0
        var decimals = 0
        var seenPoint = false
        var digits = 0
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                guard digits < 18 else { return Decimal(string: String(decoding: bytes, as: UTF8.self)) }
                significand = significand * 10 + UInt64(byte - 0x30)
                digits += 1
                if seenPoint { decimals += 1 }
            case 0x2E where !seenPoint:
                seenPoint = true
            default:
                return Decimal(string: String(decoding: bytes, as: UTF8.self))
            }
        }
        guard digits > 0 else { return nil }
        return Decimal(sign: .plus, exponent: -decimals, significand: Decimal(significand))
    }

    private mutating func noteCoverage(_ date: Date?) {
        guard let date else { return }
        if coverage.map({ date < $0 }) ?? true { coverage = date }
    }

    /// Whether a NOG is one of the year's purchases.
    func isYearNOG(_ nog: String) -> Bool { positionByNOG[nog] != nil }

    private func position(of id: Int64) -> Int? {
        guard id >= 0, id < positionByID.count else { return nil }
        let position = positionByID[Int(id)]
        return position < 0 ? nil : Int(position)
    }

    // MARK: - Tables

    /// Every process: the year's in full, the others only for their date (the suppliers' history).
    mutating func readProcurement(_ db: Database) throws {
        let rows = try FlagRawStatement(
            db,
            sql: """
                SELECT id, nog, published_at, awarded_at, buying_unit_code, buying_unit_name, title, buyer_entity_code,
                       buyer_entity_name, modality_code, modality_text, status, ocds_status, tender_end_at
                FROM procurement ORDER BY id
                """)
        while try rows.step() {
            let id = rows.int64(0)
            let published = Self.date(rows.bytes(2))
            let awarded = Self.date(rows.bytes(3))
            let slot = Int(max(id, 0))
            if slot >= historyDate.count {
                let size = max(slot + 1, historyDate.count * 2)
                historyDate += Array(repeating: .nan, count: size - historyDate.count)
                positionByID += Array(repeating: -1, count: size - positionByID.count)
            }
            historyDate[slot] = (awarded ?? published)?.timeIntervalSince1970 ?? .nan
            noteCoverage(published ?? awarded)
            guard year.contains(published) || year.contains(awarded), let nog = rows.string(1) else { continue }
            positionByID[slot] = Int32(purchases.count)
            positionByNOG[nog] = purchases.count
            purchases.append(
                FlagPurchase(
                    kind: .nog, reference: nog, title: rows.string(6) ?? "", entityCode: texts.string(rows.bytes(7)),
                    entityName: texts.string(rows.bytes(8)), unitCode: texts.string(rows.bytes(4)),
                    unitName: texts.string(rows.bytes(5)), modalityCode: texts.string(rows.bytes(9)),
                    modalityText: texts.string(rows.bytes(10)), status: texts.string(rows.bytes(11)),
                    ocdsStatus: texts.string(rows.bytes(12)), publishedAt: published,
                    tenderEndAt: Self.date(rows.bytes(13)), awardedAt: awarded))
        }
    }

    /// Every award: attached to the year's processes, and added to its supplier's history when active and dated
    /// before the end of the year. Awards of one process are contiguous (a process's children are written
    /// together), so "processes won" counts a process once per supplier.
    mutating func readAwards(_ db: Database) throws {
        let rows = try FlagRawStatement(
            db, sql: "SELECT procurement_id, supplier_id, supplier_name, amount, status, date FROM award ORDER BY id")
        while try rows.step() {
            let procurementID = rows.int64(0)
            guard let supplier = texts.string(rows.bytes(1)) else { continue }
            let amount = rows.isNull(3) ? nil : rows.int64(3)
            let status = texts.string(rows.bytes(4))
            let date = Self.date(rows.bytes(5))
            if let position = position(of: procurementID) {
                purchases[position].awards.append(
                    FlagAward(
                        supplierID: supplier, supplierName: texts.string(rows.bytes(2)) ?? "",
                        amount: amount.map(Money.init(centavos:)), status: status, date: date))
            }
            let lowered = status?.lowercased()
            let fallback =
                procurementID >= 0 && procurementID < historyDate.count ? historyDate[Int(procurementID)] : .nan
            guard lowered != "cancelled", lowered != "unsuccessful",
                let when = date ?? (fallback.isNaN ? nil : Date(timeIntervalSince1970: fallback)), when < year.end
            else { continue }
            var entry = history[supplier] ?? (nil, 0, 0, -1)
            if entry.first.map({ when < $0 }) ?? true { entry.first = when }
            if entry.last != procurementID {
                entry.processes += 1
                entry.last = procurementID
            }
            entry.total += amount ?? 0
            history[supplier] = entry
        }
    }

    mutating func readBids(_ db: Database) throws {
        let rows = try FlagRawStatement(
            db, sql: "SELECT procurement_id, tenderer_id, tenderer_name, amount, status FROM bid ORDER BY id")
        while try rows.step() {
            guard let position = position(of: rows.int64(0)) else { continue }
            purchases[position].bids.append(
                FlagBid(
                    tendererID: texts.string(rows.bytes(1)) ?? "", tendererName: texts.string(rows.bytes(2)) ?? "",
                    amount: rows.isNull(3) ? nil : Money(centavos: rows.int64(3)), status: texts.string(rows.bytes(4))))
        }
    }

    mutating func readItems(_ db: Database) throws {
        let rows = try FlagRawStatement(
            db,
            sql:
                "SELECT procurement_id, classification_id, description, quantity, unit_name FROM procurement_item ORDER BY id"
        )
        while try rows.step() {
            guard let position = position(of: rows.int64(0)) else { continue }
            purchases[position].items.append(
                FlagItem(
                    classificationID: texts.string(rows.bytes(1)), description: texts.string(rows.bytes(2)) ?? "",
                    quantity: rows.bytes(3).flatMap(Self.quantity), unitName: texts.string(rows.bytes(4))))
        }
    }

    /// Ties the evidence read on the other connection to the year's purchases: each NOG's renglón amounts, and
    /// which executing unit pays which buying unit's NOGs (links are named by the first row that ties them).
    mutating func attach(_ evidence: FlagEvidenceRead) {
        for (payer, count) in evidence.payers {
            guard let position = positionByNOG[payer.nog], let code = purchases[position].unitCode else { continue }
            let key = LinkKey(entidad: payer.entidad, unidad: payer.unidad, unit: code)
            var link =
                links[key]
                ?? FlagUnitLink(
                    sicoinEntidad: payer.entidad, sicoinUnidadEjecutora: payer.unidad, unitCode: code,
                    unitName: purchases[position].unitName, rows: 0)
            link.rows += count
            links[key] = link
        }
        for (nog, lines) in evidence.renglones {
            guard let position = positionByNOG[nog] else { continue }
            purchases[position].renglones = lines.sorted {
                ($0.renglon.rawValue, $0.programa ?? "") < ($1.renglon.rawValue, $1.programa ?? "")
            }
            .map { FlagRenglonAmount(renglon: $0.renglon, programa: $0.programa, amount: Money(centavos: $0.amount)) }
        }
        noteCoverage(evidence.coverage)
        npgHistory = evidence.npgHistory
        npgPurchases = evidence.npgPurchases
    }

    /// The inputs read (the reader is left empty: its arrays move into the result instead of being copied).
    mutating func finish() throws -> FlagInputs {
        var suppliers: [String: FlagSupplierHistory] = [:]
        for (id, entry) in history {
            suppliers[id] = FlagSupplierHistory(
                firstAwardAt: entry.first, processes: entry.processes, total: Money(centavos: entry.total))
        }
        for (nit, entry) in npgHistory {
            if var known = suppliers[nit] {
                if let first = entry.first, known.firstAwardAt.map({ first < $0 }) ?? true {
                    known.firstAwardAt = first
                }
                known.processes += entry.references.count
                try known.total += Money(centavos: entry.total)
                suppliers[nit] = known
            } else {
                suppliers[nit] = FlagSupplierHistory(
                    firstAwardAt: entry.first, processes: entry.references.count, total: Money(centavos: entry.total))
            }
        }
        let sortedLinks = links.values.sorted {
            ($0.sicoinEntidad, $0.sicoinUnidadEjecutora, $0.unitCode) < (
                $1.sicoinEntidad, $1.sicoinUnidadEjecutora, $1.unitCode
            )
        }
        var all: [FlagPurchase] = []
        swap(&all, &purchases)
        all.append(contentsOf: npgPurchases)
        npgPurchases = []
        return FlagInputs(
            ejercicio: ejercicio, purchases: all, supplierHistory: suppliers, coverageStart: coverage,
            unitLinks: sortedLinks)
    }
}
