import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Checks
@testable import Ledger

/// The five checks that add up or judge a national year's links, awards and evidence without building each row
/// (`vinculos.participaciones`, `vinculos.monto-adjudicado`, `proveedores.nit`, `compras.fecha-ejercicio`,
/// `evidencia.nog-desconocido`) find what they found row by row: the same findings in the same order, the same
/// counts and the same errors. The row-by-row versions are kept here, over the ledger's whole-row reads.
struct StreamedChecksTests {
    private static func date(_ text: String?) -> Date? {
        if let text, case .date(let value) = ProcurementDate.parse(text) { return value }
        return nil
    }

    private static func source(_ kind: String, _ name: String) -> ImportSource {
        ImportSource(sourceKind: kind, fileName: name, sha256: name, bytes: 1)
    }

    /// A ledger drawn from `seed`: purchases with awards of every status, links whose shares and amounts sometimes
    /// miss (less and more than 1, more than the award), NITs right, wrong and malformed under several names, and
    /// evidence of other years, without year, without fecha and of NOGs the ledger lacks. With `overflow`, some
    /// links' amounts are rewritten beyond what 64-bit sums hold (and some negative); with `hugeAwards`, awards too.
    static func ledger(seed: UInt64, overflow: Bool = false, hugeAwards: Bool = false) throws -> Ledger {
        var random = SplitMix64(seed: seed)
        let ledger = try Ledger.inMemory()
        let products = ["P01", "P02", "P03"]
        for year in [2021, 2022] {
            _ = try ledger.importMetas(
                Metas(products: products.map { SampleValues.product($0, year: year) }),
                source: source("metas", "m\(year).csv"), toolVersion: "t", rowsRead: 3)
        }
        let nits = ["421450878", "421450879", "ABC", "576937-K", "576937-k", "7108-0", "0041714685-k", "8977112-0"]
        let names = ["PRIMERO", "SEGUNDO  NOMBRE", "TERCERO"]
        let nogs = (0..<60).map { String(1000 + $0 * 7 % 97) }.reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        let dates = [
            "2022-03-01", "2021-12-31T23:59:59-06:00", "2022-01-01T00:00:00-06:00", "2023-02-28", nil,
            "2022-12-31T23:30:00Z", "2022-02-30", "2022-06-15T25:00:00-06:00",
        ]
        var purchases: [Procurement] = []
        for nog in nogs {
            var purchase = Procurement(nog: nog, title: "COMPRA \(nog)", buyingUnitCode: "436-2", status: "Adjudicado")
            purchase.publishedAt = date(dates[Int.random(in: 0..<dates.count, using: &random)] ?? "2022-04-04")
            purchase.awardedAt = date(dates[Int.random(in: 0..<dates.count, using: &random)])
            purchase.awards = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                let statuses: [String?] = ["active", nil, "CANCELLED", "Unsuccessful", "pending"]
                return Award(
                    supplier: Supplier(
                        scheme: .nit, identifier: nits.randomElement(using: &random) ?? "",
                        name: names.randomElement(using: &random) ?? ""),
                    amount: Bool.random(using: &random) || !hugeAwards
                        ? Money(centavos: Int64.random(in: 0...300_00, using: &random))
                        : Money(centavos: Int64.max - 5),
                    status: statuses.randomElement(using: &random) ?? nil)
            }
            purchases.append(purchase)
        }
        _ = try ledger.importing(source("compras", "compras.csv"), toolVersion: "t") { session in
            let sink = session.procurements()
            for purchase in purchases { try sink.upsert(purchase, policy: .overlay) }
            return .commit(ImportCounts(rowsRead: purchases.count, rowsAccepted: purchases.count))
        }
        var evidence: [LinkEvidence] = []
        for line in 2..<80 {
            let fechas: [String?] = ["2022-05-20", "2021-11-02", nil, "2022", "20", "０２022-01-01", "2022\u{301}-01"]
            evidence.append(
                LinkEvidence(
                    kind: .insumo, ejercicio: [2022, 2021, nil].randomElement(using: &random) ?? nil,
                    nog: Bool.random(using: &random) ? nogs.randomElement(using: &random) : "9\(line % 5)",
                    monto: Money(centavos: Int64.random(in: 1...500_00, using: &random)),
                    fecha: fechas.randomElement(using: &random) ?? nil, sourceLine: line))
        }
        _ = try ledger.importLinkEvidence(
            evidence, source: source("vinculos", "vinculos.csv"), toolVersion: "t", rowsRead: evidence.count)
        try ledger.linking(toolVersion: "t") { session in
            for year in [2021, 2022] {
                let run = try session.beginRun(ejercicio: year, mode: .full, inputsDigest: "d", importWatermark: 0)
                for nog in nogs where Int.random(in: 0..<4, using: &random) != 0 {
                    let count = Int.random(in: 1...3, using: &random)
                    let shares: [Int64] =
                        switch Int.random(in: 0..<4, using: &random) {
                        case 0: Array(repeating: 300_000_000, count: count)  // less than 1 (or 0.9)
                        case 1: Array(repeating: 600_000_000, count: count)  // more than 1 unless alone
                        default:
                            LargestRemainder.split(1_000_000_000, weights: Array(repeating: 1, count: count)) ?? []
                        }
                    let links = (0..<count).map { index in
                        ProcurementLink(
                            ejercicio: year, nog: nog, productCode: products[index],
                            method: [.manual, .evidence, .rule][index % 3], share: LinkShare(billionths: shares[index]),
                            amount: Money(centavos: Int64.random(in: 0...200_00, using: &random)),
                            provenance: LinkProvenance(label: "m.csv:\(index)"))
                    }
                    try session.write(
                        nog: nog, ejercicio: year, links: links, unlinked: nil, digest: nog, runID: run,
                        replacing: false)
                }
            }
            return (.commit, ())
        }
        if overflow {
            // Linking refuses sums beyond 64-bit centavos; a ledger written by other means may hold them, and
            // negative amounts too.
            try ledger.write { db in
                try db.execute(
                    sql: """
                        UPDATE procurement_link SET amount = CASE
                            WHEN id % 2 = 0 THEN 4611686018427387904 + id
                            WHEN id % 5 = 0 THEN -9223372036854775000
                            ELSE amount END
                        """)
            }
        }
        return ledger
    }

    /// What a check gives, or the error it throws, in a form two runs can be compared by.
    private static func outcome(_ run: () throws -> CheckResult) -> String {
        do {
            let result = try run()
            let findings = result.findings.map { "\($0.severity) \($0.message) | \($0.reference ?? "") | \($0.rows)" }
            return "\(result.examined)\n" + findings.joined(separator: "\n")
        } catch {
            return "error: \(error) \(error.localizedDescription)"
        }
    }

    private static let scopes = [CheckScope(ejercicio: 2022), CheckScope(ejercicio: 2021), CheckScope()]

    @Test("shares and amounts added up per purchase find what the links read one by one found", arguments: 0..<12)
    func links(seed: UInt64) throws {
        let ledger = try Self.ledger(seed: seed, overflow: seed % 3 == 2, hugeAwards: seed % 6 == 5)
        for scope in Self.scopes {
            let shares = Self.outcome { try LinkSharesSumCheck().run(on: ledger, scope: scope) }
            #expect(shares == Self.outcome { try RowByRow.shares(ledger, scope) }, "\(seed) \(scope)")
            let amounts = Self.outcome { try LinkedAmountWithinAwardCheck().run(on: ledger, scope: scope) }
            #expect(amounts == Self.outcome { try RowByRow.amounts(ledger, scope) }, "\(seed) \(scope)")
        }
    }

    @Test("NITs judged once each find what every award read found", arguments: 0..<8)
    func nits(seed: UInt64) throws {
        let ledger = try Self.ledger(seed: seed)
        for scope in Self.scopes {
            let streamed = Self.outcome { try SupplierNITCheck().run(on: ledger, scope: scope) }
            #expect(streamed == Self.outcome { try RowByRow.nits(ledger, scope) }, "\(seed) \(scope)")
        }
    }

    @Test(
        "over 500 failing NITs (read back in chunks) and a NIT with the Kelvin sign (checked award by award) find what every award read found",
        arguments: [false, true])
    func manyNITs(kelvin: Bool) throws {
        var random = SplitMix64(seed: kelvin ? 41 : 40)
        let ledger = try Ledger.inMemory()
        var purchases: [Procurement] = []
        for index in 0..<620 {
            let nog = String(20_000 + index * 37 % 620)
            var purchase = Procurement(nog: nog, title: "COMPRA \(nog)", buyingUnitCode: "436-2", status: "Adjudicado")
            purchase.publishedAt = Self.date("2022-04-04")
            purchase.awards = (0..<Int.random(in: 1...2, using: &random)).map { award in
                let digits = String(Int.random(in: 100_000...99_999_999, using: &random))
                let check = ["0", "1", "5", "9", "K", "k"].randomElement(using: &random) ?? "0"
                let identifier = kelvin && index == 300 && award == 0 ? "576937-\u{212A}" : digits + "-" + check
                return Award(
                    supplier: Supplier(scheme: .nit, identifier: identifier, name: "EMPRESA \(index % 50)"),
                    amount: Money(centavos: 100), status: "active")
            }
            purchases.append(purchase)
        }
        _ = try ledger.importing(Self.source("compras", "compras.csv"), toolVersion: "t") { session in
            let sink = session.procurements()
            for purchase in purchases { try sink.upsert(purchase, policy: .overlay) }
            return .commit(ImportCounts(rowsRead: purchases.count, rowsAccepted: purchases.count))
        }
        let scope = CheckScope(ejercicio: 2022)
        let streamed = try SupplierNITCheck().run(on: ledger, scope: scope)
        #expect(streamed.findings.count > 500)
        #expect(Self.outcome { streamed } == Self.outcome { try RowByRow.nits(ledger, scope) })
    }

    @Test("dates and evidence read in place find what whole rows found", arguments: 0..<8)
    func datesAndEvidence(seed: UInt64) throws {
        let ledger = try Self.ledger(seed: seed)
        for scope in Self.scopes {
            let dates = Self.outcome { try PurchaseOutsideFiscalYearCheck().run(on: ledger, scope: scope) }
            #expect(dates == Self.outcome { try RowByRow.dates(ledger, scope) }, "\(seed) \(scope)")
            let nogs = Self.outcome { try EvidenceUnknownNOGCheck().run(on: ledger, scope: scope) }
            #expect(nogs == Self.outcome { try RowByRow.unknownNOGs(ledger, scope) }, "\(seed) \(scope)")
        }
    }

    @Test("the seeded ledgers plant what the comparisons are about")
    func planted() throws {
        var kinds = Set<String>()
        for seed: UInt64 in 0..<12 {
            let ledger = try Self.ledger(seed: seed, overflow: seed % 3 == 2, hugeAwards: seed % 6 == 5)
            let scope = CheckScope(ejercicio: 2022)
            let shares = try LinkSharesSumCheck().run(on: ledger, scope: scope).findings.map(\.message)
            if shares.contains(where: { $0.contains("sin vincular") }) { kinds.insert("menos de 1") }
            if shares.contains(where: { $0.contains("más que la compra") }) { kinds.insert("más de 1") }
            if seed % 3 == 2 {
                do {
                    _ = try LinkedAmountWithinAwardCheck().run(on: ledger, scope: scope)
                } catch {
                    kinds.insert(seed % 6 == 5 ? "desborde de lo adjudicado" : "desborde de lo vinculado")
                }
            } else if try !LinkedAmountWithinAwardCheck().run(on: ledger, scope: scope).findings.isEmpty {
                kinds.insert("exceso")
            }
            let nits = try SupplierNITCheck().run(on: ledger, scope: scope).findings
            if nits.contains(where: { $0.rows.count > 2 }) { kinds.insert("NIT en varios NOG") }
            if try !PurchaseOutsideFiscalYearCheck().run(on: ledger, scope: scope).findings.isEmpty {
                kinds.insert("fechas")
            }
            if try !EvidenceUnknownNOGCheck().run(on: ledger, scope: scope).findings.isEmpty {
                kinds.insert("NOG desconocido")
            }
        }
        #expect(
            kinds == [
                "menos de 1", "más de 1", "desborde de lo vinculado", "desborde de lo adjudicado", "exceso",
                "NIT en varios NOG", "fechas", "NOG desconocido",
            ])
    }

    @Test(
        "a quick NIT verdict is `.valid` only when the full check's is, and says so for every printable ASCII NIT",
        arguments: [
            "421450878", "421450879", "576937-K", "576937-k", "7108-0", "0041714685-k", "8977112-0", "00", "0", "K",
            "12", "10", "1 0", "--10", "000000000000123", "1234567890123", "123456789012", "0K", "5K", "1\r\n0",
            "４21450878", "42145087８", "421450878 ", "-", "", "57693-7K", "k576937",
        ])
    func quickNIT(nit: String) {
        let valid = NITCheckDigit.check(nit) == .valid
        if NITQuickCheck.passes(nit) { #expect(valid) }
        if nit.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) { #expect(NITQuickCheck.passes(nit) == valid) }
    }
}
