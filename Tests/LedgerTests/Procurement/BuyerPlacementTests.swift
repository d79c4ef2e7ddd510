import Domain
import Foundation
import Testing

@testable import Ledger

/// Which purchases belong to an institution when some carry Guatecompras codes (OCDS, NOG pages) and others only
/// names (flat exports: `ENTIDAD COMPRADORA`, `UNIDAD COMPRADORA`), as on a national ledger.
struct BuyerPlacementTests {
    private static let published = ProcurementDate.date(year: 2022, month: 3, day: 1, hour: 10)

    /// 1 coded in 436-2; 2 flat, SOSEP by name (accented, unit named); 3 flat, another entity; 4 coded elsewhere;
    /// 5 flat, only the unit named as the profile writes it.
    static func ledger() throws -> Ledger {
        let processes = [
            Procurement(
                nog: "1", title: "CON CÓDIGO", buyerEntityCode: "436", buyingUnitCode: "436-2", publishedAt: published),
            Procurement(
                nog: "2", title: "PLANA SOSEP",
                buyerEntityName: "SECRETARÍA DE OBRAS SOCIALES DE LA ESPOSA DEL PRESIDENTE -SOSEP-",
                buyingUnitName: "DIRECCIÓN ADMINISTRATIVA", publishedAt: published),
            Procurement(
                nog: "3", title: "PLANA OTRA", buyerEntityName: "MINISTERIO DE SALUD PÚBLICA Y ASISTENCIA SOCIAL",
                buyingUnitName: "UNIDAD EJECUTORA 1", publishedAt: published),
            Procurement(
                nog: "4", title: "OTRA CON CÓDIGO", buyerEntityCode: "77", buyingUnitCode: "77-1",
                publishedAt: published),
            Procurement(
                nog: "5", title: "PLANA UNIDAD", buyerEntityName: "ENTIDAD SIN NOMBRE CONOCIDO",
                buyingUnitName: "Departamento de Compras SOSEP", publishedAt: published),
        ]
        let ledger = try Ledger.inMemory()
        _ = try ledger.importProcurements(
            source: ImportSource(sourceKind: "compras", fileName: "compras.csv", sha256: "a", bytes: 1),
            rows: processes.count
        ) { sink in
            for procurement in processes { try sink.upsert(procurement) }
        }
        return ledger
    }

    private static func listed(_ ledger: Ledger, _ selection: ProcurementSelection) throws -> [String] {
        var nogs: [String] = []
        try ledger.forEachProcurement(selection) { procurement, _ in nogs.append(procurement.nog) }
        return nogs.sorted()
    }

    private static func linkable(_ ledger: Ledger, _ scope: ProcurementScope) throws -> [String] {
        try ledger.linkableProcurements(scope).map(\.nog).sorted()
    }

    static let sosep = [
        "Secretaria de Obras Sociales de la Esposa del Presidente (SOSEP)", "DEPARTAMENTO DE COMPRAS SOSEP",
    ]

    @Test("without names, the listings keep flat rows of unknown buyer and linking leaves them out")
    func withoutNames() throws {
        let ledger = try Self.ledger()
        let selection = ProcurementSelection(year: 2022, guatecomprasEntity: "436", guatecomprasUnits: ["2"])
        #expect(try Self.listed(ledger, selection) == ["1", "2", "3", "5"])
        let scope = ProcurementScope(year: 2022, guatecomprasEntity: "436", guatecomprasUnits: ["2"])
        #expect(try Self.linkable(ledger, scope) == ["1"])
    }

    @Test("the profile's names place flat rows by entity or unit name, accents, case and punctuation folded")
    func withNames() throws {
        let ledger = try Self.ledger()
        let selection = ProcurementSelection(
            year: 2022, guatecomprasEntity: "436", guatecomprasUnits: ["2"], buyerNames: Self.sosep)
        #expect(try Self.listed(ledger, selection) == ["1", "2", "5"])
        let scope = ProcurementScope(
            year: 2022, guatecomprasEntity: "436", guatecomprasUnits: ["2"], buyerNames: Self.sosep)
        #expect(try Self.linkable(ledger, scope) == ["1", "2", "5"])
        #expect(scope.label.contains("compradores «"))
    }

    @Test("names alone select only what they name; a name is a whole name, not a part of one")
    func namesAlone() throws {
        let ledger = try Self.ledger()
        #expect(try Self.listed(ledger, ProcurementSelection(year: 2022, buyerNames: [Self.sosep[0]])) == ["2"])
        #expect(try Self.linkable(ledger, ProcurementScope(year: 2022, buyerNames: [Self.sosep[0]])) == ["2"])
        #expect(try Self.listed(ledger, ProcurementSelection(year: 2022, buyerNames: ["SECRETARIA"])).isEmpty)
        #expect(try Self.listed(ledger, ProcurementSelection(year: 2022)) == ["1", "2", "3", "4", "5"])
    }
}
