import Domain
import Foundation
import Ledger
import TestSupport

/// A deterministic synthetic fiscal year with planted split purchases and decoys that sit just outside every
/// rule (one day past the window, a sum exactly at the ceiling, different suppliers, an excluded modality, a
/// part above its own ceiling), over three sources: OCDS-shaped NOGs (unit code, items), flat-export NOGs (names
/// only) and NPG direct purchases known only from input-level execution.
struct SyntheticYear {
    /// Procurement to import (NOG), in no particular order.
    var procurements: [Procurement] = []
    /// Input-level execution rows (NPG purchases).
    var evidence: [LinkEvidence] = []
    /// References of purchases planted as parts of a split to one supplier (TR02's ground truth).
    var plantedBySupplier: Set<String> = []
    /// References planted as parts of a split of one object to different suppliers (TR03's ground truth).
    var plantedByObject: Set<String> = []
    /// Decoys: purchases that must not be flagged by TR02.
    var decoys: Set<String> = []
    /// Number of planted groups.
    var groups = 0

    private var rng: SplitMix64
    private var nextNOG = 20_000_000
    private var nextNPG = 1
    private var nextSupplier = 1
    private var line = 2

    /// Builds the year for a seed; `units` buying units with `background` clean purchases each.
    init(seed: UInt64, units: Int = 30, background: Int = 60, plantedPerUnit: Int = 3) {
        rng = SplitMix64(seed: seed)
        for unit in 0..<units {
            let source: Source = [.ocds, .flat, .ocds][unit % 3]
            addBackground(unit: unit, count: background, source: source)
            for _ in 0..<plantedPerUnit { plantSupplierSplit(unit: unit, source: source) }
            plantObjectSplit(unit: unit)
            addDecoys(unit: unit, source: source)
        }
    }

    enum Source { case ocds, flat, npg }

    private static let objects = [
        ("50221101", "FRIJOL NEGRO PARA HOGARES COMUNITARIOS"), ("42211502", "SILLAS DE RUEDAS PARA ADULTO MAYOR"),
        ("53131624", "PAÑALES DESECHABLES PARA ADULTO"), ("44121600", "UTILES DE OFICINA Y PAPELERIA"),
        ("47131700", "PRODUCTOS DE LIMPIEZA PARA OFICINAS"), ("15101506", "GASOLINA PARA VEHICULOS OFICIALES"),
        ("72101500", "MANTENIMIENTO DE EDIFICIO CENTRAL"), ("82121500", "IMPRESION DE TRIFOLIARES INFORMATIVOS"),
        ("43211507", "EQUIPO DE COMPUTO PORTATIL"), ("56101500", "COLCHONES PARA ALBERGUES"),
    ]

    private mutating func supplier() -> String {
        defer { nextSupplier += 1 }
        return String(1_000_000 + nextSupplier)
    }

    private mutating func amount(_ low: Int64, _ high: Int64) -> String {
        let centavos = low * 100 + Int64(rng.next() % UInt64((high - low) * 100))
        return Money(centavos: centavos).plainText
    }

    private func date(_ dayOfYear: Int) -> Date {
        (ProcurementDate.date(year: 2022, month: 1, day: 1, hour: 10) ?? Date()).addingTimeInterval(
            TimeInterval((dayOfYear - 1) * 86_400))
    }

    /// Adds one purchase and returns its reference.
    @discardableResult
    private mutating func purchase(
        unit: Int, source: Source, day: Int, amount: String, supplier: String, modality: String,
        object: (String, String)? = nil
    ) -> String {
        let money = (try? Money(parsing: amount)) ?? .zero
        let object = object ?? Self.objects[Int(rng.next() % UInt64(Self.objects.count))]
        let when = date(day)
        switch source {
        case .npg:
            defer {
                nextNPG += 1
                line += 1
            }
            let npg = "E\(nextNPG)"
            evidence.append(
                LinkEvidence(
                    kind: .insumo, ejercicio: 2022, npg: npg, entidad: "1113\(String(format: "%04d", unit))",
                    unidadEjecutora: "101", programa: "11", renglon: Renglon(rawValue: "211"), nit: supplier,
                    proveedor: "PROVEEDOR \(supplier)", monto: money, fecha: ProcurementDate.dayString(when),
                    sourceLine: line))
            return npg
        case .ocds, .flat:
            defer { nextNOG += 7 }
            let nog = String(nextNOG)
            if source == .ocds {
                // Input-level execution names the NOG too: that is how NPG purchases of the same executing unit
                // are placed in this buying unit.
                evidence.append(
                    LinkEvidence(
                        kind: .insumo, ejercicio: 2022, nog: nog, entidad: "1113\(String(format: "%04d", unit))",
                        unidadEjecutora: "101", programa: "11", renglon: Renglon(rawValue: "211"), nit: supplier,
                        proveedor: "PROVEEDOR \(supplier)", monto: money, fecha: ProcurementDate.dayString(when),
                        sourceLine: line))
                line += 1
            }
            let award = Award(
                supplier: Supplier(scheme: .nit, identifier: supplier, name: "PROVEEDOR \(supplier)"), amount: money,
                status: source == .ocds ? "active" : nil, date: when)
            procurements.append(
                Procurement(
                    nog: nog, title: object.1,
                    buyerEntityCode: source == .ocds ? "1113\(String(format: "%04d", unit))" : nil,
                    buyerEntityName: "ENTIDAD \(unit)", buyingUnitCode: source == .ocds ? "\(500 + unit)-1" : nil,
                    buyingUnitName: "UNIDAD DE COMPRAS \(unit)", modalityCode: modality, status: "Adjudicado",
                    publishedAt: when.addingTimeInterval(-3 * 86_400), awardedAt: when,
                    items: source == .ocds ? [ProcurementItem(description: object.1, classificationID: object.0)] : [],
                    awards: [award]))
            return nog
        }
    }

    /// Clean purchases: never the same supplier twice in a unit within 40 days, amounts within their modality.
    private mutating func addBackground(unit: Int, count: Int, source: Source) {
        var lastBySupplier: [String: Int] = [:]
        let pool = (0..<25).map { _ in supplier() }
        for index in 0..<count {
            let day = 1 + (index * 360) / count
            var candidate = pool[Int(rng.next() % UInt64(pool.count))]
            if let last = lastBySupplier[candidate], day - last < 40 { candidate = supplier() }
            lastBySupplier[candidate] = day
            let npg = index % 5 == 0
            let direct = !npg && rng.next() % 3 == 0
            purchase(
                unit: unit, source: npg ? .npg : source, day: day,
                amount: direct ? amount(25_001, 89_000) : amount(500, 24_999),
                supplier: candidate, modality: direct ? "compra_directa_oferta_electronica" : "baja_cuantia")
        }
    }

    /// 2–4 parts to one new supplier within 0–7 days whose sum exceeds the ceiling of the modality used.
    private mutating func plantSupplierSplit(unit: Int, source: Source) {
        groups += 1
        let who = supplier()
        let parts = 2 + Int(rng.next() % 3)
        let start = 5 + Int(rng.next() % 340)
        let span = Int(rng.next() % 8)
        let direct = rng.next() % 2 == 0
        for part in 0..<parts {
            let day = start + (part == parts - 1 ? span : Int(rng.next() % UInt64(span + 1)))
            // NPG purchases are baja cuantía, and only units with a code can be tied to their executing unit.
            let partSource: Source = !direct && source == .ocds && part == 0 && rng.next() % 2 == 0 ? .npg : source
            let reference = purchase(
                unit: unit, source: partSource, day: day,
                amount: direct ? amount(46_000, 89_999) : amount(12_600, 24_999), supplier: who,
                modality: direct ? "compra_directa_oferta_electronica" : "baja_cuantia")
            plantedBySupplier.insert(reference)
        }
    }

    /// Three parts of one object (same UNSPSC class, similar titles) to three suppliers within 20 days.
    private mutating func plantObjectSplit(unit: Int) {
        let object = Self.objects[unit % Self.objects.count]
        let start = 10 + Int(rng.next() % 300)
        for part in 0..<3 {
            let reference = purchase(
                unit: unit, source: .ocds, day: start + part * 9, amount: amount(40_000, 89_999), supplier: supplier(),
                modality: "compra_directa_oferta_electronica", object: object)
            plantedByObject.insert(reference)
        }
    }

    /// Purchases one step outside each rule: they must not be flagged by TR02.
    private mutating func addDecoys(unit: Int, source: Source) {
        let start = 5 + Int(rng.next() % 330)
        // One day past the 7-day window.
        var who = supplier()
        decoys.insert(
            purchase(
                unit: unit, source: source, day: start, amount: "60000.00", supplier: who,
                modality: "compra_directa_oferta_electronica"))
        decoys.insert(
            purchase(
                unit: unit, source: source, day: start + 8, amount: "60000.00", supplier: who,
                modality: "compra_directa_oferta_electronica"))
        // A sum exactly at the ceiling.
        who = supplier()
        decoys.insert(
            purchase(
                unit: unit, source: source, day: start + 1, amount: "45000.00", supplier: who,
                modality: "compra_directa_oferta_electronica"))
        decoys.insert(
            purchase(
                unit: unit, source: source, day: start + 2, amount: "45000.00", supplier: who,
                modality: "compra_directa_oferta_electronica"))
        // Same day, different suppliers.
        decoys.insert(
            purchase(
                unit: unit, source: source, day: start + 3, amount: "70000.00", supplier: supplier(),
                modality: "compra_directa_oferta_electronica"))
        decoys.insert(
            purchase(
                unit: unit, source: source, day: start + 3, amount: "70000.00", supplier: supplier(),
                modality: "compra_directa_oferta_electronica"))
        // An excluded modality (subasta inversa) and a part above its own ceiling (TR07's business).
        who = supplier()
        decoys.insert(
            purchase(
                unit: unit, source: source, day: start + 4, amount: "80000.00", supplier: who,
                modality: "subasta_electronica_inversa"))
        decoys.insert(
            purchase(
                unit: unit, source: source, day: start + 5, amount: "80000.00", supplier: who,
                modality: "compra_directa_oferta_electronica"))
        who = supplier()
        decoys.insert(
            purchase(
                unit: unit, source: source, day: start + 4, amount: "90000.01", supplier: who,
                modality: "compra_directa_oferta_electronica"))
        decoys.insert(
            purchase(
                unit: unit, source: source, day: start + 5, amount: "20000.00", supplier: who,
                modality: "compra_directa_oferta_electronica"))
    }
}

extension SyntheticYear {
    /// Imports the year into a ledger: its processes as one OCDS import, its evidence (and `extra`) as one
    /// `vinculos` file.
    func store(in ledger: Ledger, extra: [LinkEvidence] = []) throws {
        try ledger.storeForTests(procurements: procurements, evidence: evidence + extra)
    }
}

extension Ledger {
    /// Imports processes as one OCDS import and, when there is any, evidence as one `vinculos` file.
    func storeForTests(procurements: [Procurement], evidence: [LinkEvidence]) throws {
        _ = try importing(
            ImportSource(sourceKind: "ocds", fileName: "a.json", sha256: "a", bytes: 1), toolVersion: "t"
        ) { session in
            let sink = session.procurements()
            for procurement in procurements { try sink.upsert(procurement) }
            return .commit(ImportCounts(rowsRead: 0, rowsAccepted: 0, rowsRejected: 0))
        }
        guard !evidence.isEmpty else { return }
        _ = try importLinkEvidence(
            evidence, source: ImportSource(sourceKind: "vinculos", fileName: "v.csv", sha256: "v", bytes: 1),
            toolVersion: "t", rowsRead: evidence.count)
    }
}
