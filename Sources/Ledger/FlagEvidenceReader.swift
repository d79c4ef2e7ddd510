import Domain
import Foundation
import GRDB

/// Input-level execution as the red flags read it, in one pass over `link_evidence` that needs nothing from the
/// purchases: it runs on its own connection while ``FlagInputReader`` reads them (see
/// ``Ledger/readConcurrently(_:_:betweenStarts:)``), and ``FlagInputReader/attach(_:)`` ties its NOG rows to the
/// year's purchases afterwards.
struct FlagEvidenceReader {
    let ejercicio: Int
    private let year: FlagYear
    private var read = FlagEvidenceRead()
    private var payerPositions: [FlagEvidenceRead.Payer: Int] = [:]
    private var npgPositions: [NPGKey: Int] = [:]
    private var texts = FlagTextInterner()

    /// An NPG purchase: one per NPG, entidad and unidad ejecutora.
    private struct NPGKey: Hashable {
        let npg: String
        let entidad: String?
        let unidad: String?
    }

    init(ejercicio: Int) {
        self.ejercicio = ejercicio
        year = FlagYear(ejercicio)
        npgPositions.reserveCapacity(1 << 16)
    }

    /// Reads the `insumo` rows: renglón amounts and paying units of every NOG (any ejercicio: a purchase may be
    /// paid the next year, its renglón is the same), and the NPG purchases of the year: one per (NPG, entidad,
    /// unidad ejecutora), one award per NIT, amounts by renglón, dated by the earliest approval.
    mutating func read(_ db: Database) throws -> FlagEvidenceRead {
        let rows = try FlagRawStatement(
            db,
            sql: """
                SELECT nog, npg, entidad, unidad_ejecutora, renglon, programa, nit, proveedor, monto, fecha, ejercicio
                FROM link_evidence WHERE kind = 'insumo' ORDER BY id
                """)
        while try rows.step() {
            let nog = texts.string(rows.bytes(0))
            let npg = texts.string(rows.bytes(1))
            let entidad = texts.string(rows.bytes(2))
            let unidad = texts.string(rows.bytes(3))
            let renglon = texts.string(rows.bytes(4)).flatMap(Renglon.init(rawValue:))
            let programa = texts.string(rows.bytes(5))
            let monto = rows.int64(8)
            let fecha = FlagInputReader.date(rows.bytes(9))
            if let nog {
                if let entidad, let unidad {
                    notePayer(FlagEvidenceRead.Payer(nog: nog, entidad: entidad, unidad: unidad))
                }
                if let renglon {
                    if let index = read.renglones[nog]?.firstIndex(where: {
                        $0.renglon == renglon && $0.programa == programa
                    }) {
                        read.renglones[nog]?[index].amount += monto
                    } else {
                        read.renglones[nog, default: []].append((renglon, programa, monto))
                    }
                }
                continue
            }
            guard let npg else { continue }
            let rowYear = rows.isNull(10) ? nil : Int(rows.int64(10))
            try addNPG(
                npg, entidad: entidad, unidad: unidad, renglon: renglon, programa: programa, monto: monto, fecha: fecha,
                rowYear: rowYear, nit: texts.string(rows.bytes(6)) ?? "", proveedor: rows.bytes(7))
        }
        return read
    }

    private mutating func notePayer(_ payer: FlagEvidenceRead.Payer) {
        if let position = payerPositions[payer] {
            read.payers[position].rows += 1
        } else {
            payerPositions[payer] = read.payers.count
            read.payers.append((payer, 1))
        }
    }

    private mutating func addNPG(
        _ npg: String, entidad: String?, unidad: String?, renglon: Renglon?, programa: String?, monto: Int64,
        fecha: Date?, rowYear: Int?, nit: String, proveedor: UnsafeBufferPointer<UInt8>?
    ) throws {
        if let fecha, read.coverage.map({ fecha < $0 }) ?? true { read.coverage = fecha }
        if !nit.isEmpty, let fecha, fecha < year.end {
            var entry = read.npgHistory[nit] ?? (nil, [], 0)
            if entry.first.map({ fecha < $0 }) ?? true { entry.first = fecha }
            entry.references.insert(npg)
            entry.total += monto
            read.npgHistory[nit] = entry
        }
        guard rowYear == ejercicio || (rowYear == nil && year.contains(fecha)) else { return }
        let key = NPGKey(npg: npg, entidad: entidad, unidad: unidad)
        let position: Int
        if let known = npgPositions[key] {
            position = known
        } else {
            position = read.npgPurchases.count
            npgPositions[key] = position
            read.npgPurchases.append(
                FlagPurchase(
                    kind: .npg, reference: npg, title: "", entityCode: entidad, sicoinEntidad: entidad,
                    sicoinUnidadEjecutora: unidad))
        }
        let amount = Money(centavos: monto)
        if let fecha, read.npgPurchases[position].awardedAt.map({ fecha < $0 }) ?? true {
            read.npgPurchases[position].awardedAt = fecha
        }
        if let renglon {
            if let index = read.npgPurchases[position].renglones.firstIndex(where: {
                $0.renglon == renglon && $0.programa == programa
            }) {
                try read.npgPurchases[position].renglones[index].amount += amount
            } else {
                read.npgPurchases[position].renglones.append(
                    FlagRenglonAmount(renglon: renglon, programa: programa, amount: amount))
            }
        }
        if let index = read.npgPurchases[position].awards.firstIndex(where: { $0.supplierID == nit }) {
            read.npgPurchases[position].awards[index].amount =
                try (read.npgPurchases[position].awards[index].amount ?? .zero) + amount
            if let fecha, read.npgPurchases[position].awards[index].date.map({ fecha < $0 }) ?? true {
                read.npgPurchases[position].awards[index].date = fecha
            }
        } else {
            read.npgPurchases[position].awards.append(
                FlagAward(supplierID: nit, supplierName: texts.string(proveedor) ?? "", amount: amount, date: fecha))
        }
    }
}

/// What ``FlagEvidenceReader`` read, handed to the thread that reads the purchases.
struct FlagEvidenceRead: Sendable {
    /// An executing unit (SICOIN entidad and unidad ejecutora) paying a NOG.
    struct Payer: Hashable, Sendable {
        let nog: String
        let entidad: String
        let unidad: String
    }

    /// Each payer with its rows, in the order of its first row (the order links are named in).
    var payers: [(payer: Payer, rows: Int)] = []
    /// Amounts by renglón and programa of each NOG, in the order first seen.
    var renglones: [String: [(renglon: Renglon, programa: String?, amount: Int64)]] = [:]
    var npgPurchases: [FlagPurchase] = []
    var npgHistory: [String: (first: Date?, references: Set<String>, total: Int64)] = [:]
    /// The earliest NPG date (the supplier history's coverage).
    var coverage: Date?
}
