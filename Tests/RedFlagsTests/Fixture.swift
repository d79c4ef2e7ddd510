import Domain
import Foundation
import RedFlags

/// Small purchases and runs for the indicator tests.
enum Fixture {
    /// A date in Guatemala time.
    static func date(_ year: Int, _ month: Int, _ day: Int, hour: Int = 10, minute: Int = 0, second: Int = 0) -> Date {
        ProcurementDate.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second) ?? Date()
    }

    /// An amount from its text (`"89999.99"`).
    static func money(_ text: String) -> Money {
        (try? Money(parsing: text)) ?? .zero
    }

    /// An awarded purchase of one unit to one supplier.
    static func purchase(
        _ reference: String, _ date: Date, _ amount: String, modality: String? = "compra_directa_oferta_electronica",
        supplier: String = "1234567", supplierName: String = "PROVEEDOR UNO, S.A.", unit: String = "100-1",
        entity: String = "11130016", status: String = "Adjudicado", title: String = "ADQUISICIÓN DE ALIMENTOS",
        items: [FlagItem] = [], renglones: [(String, String)] = [], kind: FlagPurchase.Kind = .nog,
        published: Date? = nil, tenderEnd: Date? = nil, bids: [FlagBid] = [], awards: [FlagAward]? = nil
    ) -> FlagPurchase {
        FlagPurchase(
            kind: kind, reference: reference, title: title, entityCode: entity, entityName: "ENTIDAD \(entity)",
            unitCode: unit, unitName: "UNIDAD \(unit)", modalityCode: modality, status: status,
            publishedAt: published ?? date, tenderEndAt: tenderEnd, awardedAt: date,
            awards: awards ?? [
                FlagAward(
                    supplierID: supplier, supplierName: supplierName, amount: money(amount), status: "active",
                    date: date)
            ],
            bids: bids, items: items,
            renglones: renglones.compactMap { pair in
                Renglon(rawValue: pair.0).map { FlagRenglonAmount(renglon: $0, amount: money(pair.1)) }
            })
    }

    /// Runs the named indicators over purchases with settings text (TOML).
    static func run(
        _ purchases: [FlagPurchase], ids: [String], settings: String = "", year: Int = 2022,
        history: [String: FlagSupplierHistory] = [:], coverage: Date? = nil, links: [FlagUnitLink] = [],
        spending: FlagSpending = FlagSpending()
    ) throws -> RedFlagRun {
        let parsed = try RedFlagSettings.parse(settings, file: "prueba.toml")
        let inputs = FlagInputs(
            ejercicio: year, purchases: purchases, supplierHistory: history, coverageStart: coverage, unitLinks: links,
            spending: spending)
        return try RedFlagEngine(settings: parsed).run(inputs, ids: ids)
    }

    /// The flags of one indicator.
    static func flags(_ run: RedFlagRun, _ id: String) -> [RedFlag] {
        run.flags.filter { $0.indicatorID == id }
    }

    /// The references behind a flag, sorted.
    static func references(_ flag: RedFlag) -> [String] {
        Array(Set(flag.evidence.map(\.reference))).sorted()
    }
}
