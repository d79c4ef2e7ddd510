import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ledger

/// What lets a national ledger publish one institution without reading the country: buyer names kept folded in
/// indexed columns (migration v13-buyer-lookups) and links narrowed to the buyer's purchases.
struct BuyerLookupTests {
    @Test("a ledger from before the folded names gets them when it opens, and the profile's names find its rows")
    func migrationFoldsStoredNames() throws {
        // Given a ledger at v12 with a flat row named with accents and punctuation
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v12-link5-summary-indexes")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO import_run (source_kind, file_name, sha256, bytes, started_at, finished_at, rows_read,
                        rows_accepted, rows_rejected, tool_version)
                    VALUES ('compras', 'c.csv', 'x', 1, '2023-01-01', '2023-01-01', 2, 2, 0, 't');
                    INSERT INTO procurement (nog, title, buyer_entity_name, buying_unit_name, published_at, release_ids,
                        content_hash, import_run_id)
                    VALUES ('9', 'PLANA', 'SECRETARÍA DE OBRAS SOCIALES -SOSEP-', NULL, '2022-03-01T10:00:00-06:00',
                        '', 'h', 1),
                        ('8', 'OTRA', 'MINISTERIO DE SALUD', 'Compras Centrales', '2022-03-01T10:00:00-06:00',
                        '', 'h', 1);
                    """)
        }
        // When the ledger opens with this version
        let ledger = try Ledger(writer: queue, path: ":memory:")
        // Then each name is stored folded, and a name lookup finds the row
        let folded = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT buyer_entity_folded, buying_unit_folded FROM procurement ORDER BY nog")
                .map { [$0[0] as String?, $0[1] as String?] }
        }
        #expect(
            folded == [["ministerio de salud", "compras centrales"], ["secretaria de obras sociales sosep", nil]])
        let scope = ProcurementScope(year: 2022, buyerNames: ["Secretaria de Obras Sociales (SOSEP)"])
        #expect(try ledger.linkableProcurements(scope).map(\.nog) == ["9"])
    }

    @Test("a year's links narrow to one buyer's purchases, whatever the purchase's own date")
    func linksOfOneBuyer() throws {
        // Given the placement ledger (1 coded 436-2, 2 and 5 SOSEP by name, 3 and 4 others) with a link on each
        let ledger = try BuyerPlacementTests.ledger()
        _ = try ledger.importMetas(
            Metas(products: [SampleValues.product("P01", year: 2023)]),
            source: ImportSource(sourceKind: "metas", fileName: "m.csv", sha256: "m", bytes: 1), toolVersion: "t",
            rowsRead: 1)
        try ledger.linking(toolVersion: "t") { session in
            let run = try session.beginRun(ejercicio: 2023, mode: .full, inputsDigest: "d", importWatermark: 1)
            for nog in ["1", "2", "3", "4", "5"] {
                let link = ProcurementLink(
                    ejercicio: 2023, nog: nog, productCode: "P01", method: .manual, share: .whole,
                    amount: Money(centavos: 100), provenance: LinkProvenance(label: "m"))
                try session.write(
                    nog: nog, ejercicio: 2023, links: [link], unlinked: nil, digest: nog, runID: run, replacing: false)
            }
            return (.commit, ())
        }
        // When the links of 2023 (the purchases are of 2022) are read for the institution
        let buyer = ProcurementScope(
            year: 2023, guatecomprasEntity: "436", guatecomprasUnits: ["2"], buyerNames: BuyerPlacementTests.sosep)
        // Then only its purchases' links come back, in full and lean, and its linked purchases
        #expect(try ledger.links(ejercicio: 2023, buyer: buyer).map(\.nog) == ["1", "2", "5"])
        #expect(try ledger.reconciliationLinks(ejercicio: 2023, buyer: buyer).map(\.nog) == ["1", "2", "5"])
        #expect(try ledger.linkedProcurements(ejercicio: 2023, buyer: buyer).map(\.nog) == ["1", "2", "5"])
        // And without a buyer, every link
        #expect(try ledger.links(ejercicio: 2023).map(\.nog) == ["1", "2", "3", "4", "5"])
        #expect(try ledger.linkedProcurements(ejercicio: 2023).map(\.nog) == ["1", "2", "3", "4", "5"])
    }
}
