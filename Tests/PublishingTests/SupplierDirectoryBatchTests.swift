import Domain
import Foundation
import Ledger
import Testing

@testable import Publishing

/// `proveedores` added up while `adjudicaciones` is written (``SupplierDirectoryBatch``) is the table it reads alone,
/// and fails as it fails alone.
struct SupplierDirectoryBatchTests {
    static let scope = DatasetScope(year: 2022, profile: ExportFixture.allowingPersons)

    /// The fixture's processes and more for its company: a second award in another process, a cancelled award, a
    /// later award under another name (the name kept is the latest), an award without amount, and one more company.
    static func procurements(amounts: [Int64] = [1_500_000, 250_000]) -> [Procurement] {
        var procurements = ExportFixture.procurements()
        let company = Supplier(partyID: "GT-NIT-947642900", name: "TRANSPORTES DEL PACIFICO, S.A.")
        let other = Supplier(partyID: "GT-NIT-10000003", name: "PROVEEDOR 10000003, SOCIEDAD ANONIMA")
        for (index, amount) in amounts.enumerated() {
            var process = procurements[0]
            process.nog = "1800000\(index)"
            process.ocid = Procurement.ocid(forNOG: process.nog)
            process.releaseIDs = ["GT-NOG-\(process.nog)-T637833348310004118"]
            process.contracts = []
            process.awards = [
                Award(
                    id: "GT-ADJ-\(process.nog)-1", supplier: company, amount: Money(centavos: amount),
                    status: "active", date: ExportFixture.day("2022-0\(6 + index)-15T10:00:00-06:00")),
                Award(
                    id: "GT-ADJ-\(process.nog)-2", supplier: company, amount: Money(centavos: 99), status: "cancelled",
                    date: ExportFixture.day("2022-0\(6 + index)-16T10:00:00-06:00")),
                Award(
                    id: "GT-ADJ-\(process.nog)-3", supplier: other, amount: index == 0 ? nil : Money(centavos: 700),
                    status: "active", date: ExportFixture.day("2022-0\(6 + index)-17T10:00:00-06:00")),
            ]
            procurements.append(process)
        }
        return procurements
    }

    static func ledger(_ procurements: [Procurement]) throws -> Ledger {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importing(
            ImportSource(sourceKind: "ocds", fileName: "ocds.json", sha256: "a", bytes: 10), toolVersion: "prueba"
        ) { session in
            for procurement in procurements { try session.procurements().upsert(procurement) }
            return .commit(ImportCounts(rowsRead: 5, rowsAccepted: 5, rowsRejected: 0))
        }
        return ledger
    }

    /// What `batch` writes for each dataset, in order: the table, or nil when it left the dataset to be written as
    /// usual.
    static func written(_ batch: inout SupplierDirectoryBatch, _ datasets: [Dataset], from ledger: Ledger) throws
        -> [DataTable?]
    {
        try datasets.map { dataset in
            let collector = TableCollector()
            let wrote = try batch.write(dataset, datasets: Datasets(ledger: ledger), scope: scope, to: collector)
            return wrote ? collector.table : nil
        }
    }

    @Test("proveedores added up beside adjudicaciones is the table each reads alone")
    func sameTables() throws {
        let ledger = try Self.ledger(Self.procurements())
        let datasets = Datasets(ledger: ledger)
        var batch = SupplierDirectoryBatch(requested: [.compras, .adjudicaciones, .proveedores, .ejecucion])
        let tables = try Self.written(&batch, [.compras, .adjudicaciones, .proveedores, .ejecucion], from: ledger)
        #expect(tables[0] == nil && tables[3] == nil, "other tables are written as usual")
        let suppliers = try #require(tables[2])
        #expect(tables[1] == (try datasets.table(.adjudicaciones, scope: Self.scope)))
        #expect(suppliers == (try datasets.table(.proveedores, scope: Self.scope)))
        // Two companies (the person is left out): the first with its four processes' active awards.
        #expect(suppliers.rows.count == 2)
        #expect(suppliers.rows.last?[6] == .text("TRANSPORTES DEL PACIFICO, S.A."), "the latest name")
        #expect(suppliers.rows.last?[9] == .money(Money(centavos: 239_490_000 + 1_500_000 + 250_000)))
        #expect(try Self.written(&batch, [.proveedores], from: ledger) == [nil], "handed over once")
    }

    @Test(
        "without adjudicaciones right before it, proveedores is read as usual",
        arguments: [
            [Dataset.proveedores, .adjudicaciones], [.proveedores], [.adjudicaciones],
            // The directory is not held through other tables.
            [.adjudicaciones, .verificaciones, .proveedores],
        ])
    func notTogether(requested: [Dataset]) throws {
        let ledger = try Self.ledger(Self.procurements())
        var batch = SupplierDirectoryBatch(requested: requested)
        #expect(try Self.written(&batch, requested, from: ledger).allSatisfy { $0 == nil })
    }

    @Test("a supplier's sum past 64-bit centavos fails proveedores, not adjudicaciones, with the error it has alone")
    func overflow() throws {
        let half = Int64.max / 2 + 1
        let ledger = try Self.ledger(Self.procurements(amounts: [half, half]))
        let alone: String
        do {
            _ = try Datasets(ledger: ledger).table(.proveedores, scope: Self.scope)
            Issue.record("proveedores alone should fail")
            return
        } catch {
            alone = "\(error)"
        }
        var batch = SupplierDirectoryBatch(requested: [.adjudicaciones, .proveedores])
        let awards = try Self.written(&batch, [.adjudicaciones], from: ledger)
        #expect(awards[0]?.rows.count == 8, "adjudicaciones written whole")
        var thrown: String?
        do {
            _ = try Self.written(&batch, [.proveedores], from: ledger)
        } catch {
            thrown = "\(error)"
        }
        #expect(thrown == alone)
    }
}
