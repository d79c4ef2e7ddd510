import Domain
import Foundation
import Importers
import Ledger
import Testing

/// The flat CSV, the XLSX and the NOG pages in `Samples/compras` describe NOGs of the OCDS sample: imported
/// through the ledger, they must give the same procurement rows for the NOGs they share.
struct ThreeShapesTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples/compras")

    /// What every shape states about a procurement. Times of day are left out: flat CSV exports give
    /// only the day, while XLSX serials and NOG pages give the time too. The modality text is compared with
    /// its whitespace collapsed: OCDS keeps `…  (Art. 43 LCE  Inciso b)` verbatim, HTML cannot.
    struct Row: Hashable, CustomStringConvertible {
        var nog: String
        var title: String
        var entity: String?
        var unit: String?
        var modalityCode: String?
        var modalityText: String?
        var status: String?
        var publishedDay: String?
        var awardedDay: String?
        var awards: [String]

        init(_ procurement: Procurement) {
            nog = procurement.nog
            title = procurement.title
            entity = procurement.buyerEntityName
            unit = procurement.buyingUnitName
            modalityCode = procurement.modalityCode
            modalityText = procurement.modalityText.map {
                $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            status = procurement.status
            publishedDay = procurement.publishedAt.map(ProcurementDate.dayString)
            awardedDay = procurement.awardedAt.map(ProcurementDate.dayString)
            awards = procurement.awards.map {
                "\($0.supplier.nit ?? "-")|\($0.supplier.name)|\($0.amount?.plainText ?? "")"
            }
            .sorted()
        }

        var description: String {
            "\(nog) \(title) \(status ?? "") \(publishedDay ?? "") \(awardedDay ?? "") \(awards)"
        }
    }

    /// Imports procurements into a fresh ledger and reads back the stored rows.
    private func stored(_ procurements: [Procurement], kind: String) throws -> [String: Row] {
        let ledger = try Ledger.inMemory()
        let source = ImportSource(sourceKind: kind, fileName: kind, sha256: kind, bytes: 1)
        _ = try ledger.importing(source, toolVersion: "test") { session in
            for procurement in procurements { try session.procurements().upsert(procurement, policy: .overlay) }
            return .commit(ImportCounts(rowsRead: procurements.count, rowsAccepted: procurements.count))
        }
        var rows: [String: Row] = [:]
        for procurement in try ledger.procurements() { rows[procurement.nog] = Row(procurement) }
        return rows
    }

    @Test("CSV, XLSX and NOG pages import to the same procurement rows for the NOGs they share")
    func shapesAgree() throws {
        let csv = try CollectedComprasImport.read(Self.samples.appendingPathComponent("compras-sosep-2022.csv"))
        let xlsx = try CollectedComprasImport.read(Self.samples.appendingPathComponent("compras-sosep-2022.xlsx"))
        let pages = try ["nog-17471637.html", "nog-16740804.html"].map {
            try NOGPageImporter().read(Self.samples.appendingPathComponent($0)).procurement
        }
        #expect(!csv.diagnostics.containsErrors)
        #expect(!xlsx.diagnostics.containsErrors)
        let csvRows = try stored(csv.procurements, kind: "csv")
        let xlsxRows = try stored(xlsx.procurements, kind: "xlsx")
        let pageRows = try stored(pages, kind: "html")
        #expect(csvRows.count == 36)
        #expect(xlsxRows.count >= 10)
        for (nog, row) in xlsxRows { #expect(csvRows[nog] == row, "XLSX ≠ CSV para \(nog)") }
        #expect(Set(pageRows.keys) == ["17471637", "16740804"])
        for (nog, row) in pageRows {
            #expect(csvRows[nog] == row, "HTML ≠ CSV para \(nog)")
            #expect(xlsxRows[nog] == row, "HTML ≠ XLSX para \(nog)")
        }
        // The repaired mojibake in each file reads as the OCDS text does.
        #expect(csv.repairedValues == 1)
        #expect(xlsx.repairedValues == 1)
        #expect(csvRows["16089638"]?.title == "REPARACIÓN DE MOBILIARIO DE OFICINA")
    }

    @Test("the OCDS sample imports to the same procurement rows as the CSV, XLSX and NOG pages")
    func ocdsAgrees() throws {
        var procurements: [Procurement] = []
        _ = try OCDSImporter().read(Self.samples.appendingPathComponent("ocds-sosep-2022.json")) { event in
            if case .procurement(let procurement, _) = event { procurements.append(procurement) }
        }
        let ocdsRows = try stored(procurements, kind: "ocds")
        let csvRows = try stored(
            try CollectedComprasImport.read(Self.samples.appendingPathComponent("compras-sosep-2022.csv")).procurements,
            kind: "csv")
        let pages = try ["nog-17471637.html", "nog-16740804.html"].map {
            try NOGPageImporter().read(Self.samples.appendingPathComponent($0)).procurement
        }
        #expect(ocdsRows.count == 36)
        for (nog, row) in csvRows { #expect(ocdsRows[nog] == row, "CSV ≠ OCDS para \(nog)") }
        for page in pages { #expect(ocdsRows[page.nog] == Row(page), "HTML ≠ OCDS para \(page.nog)") }
    }

    @Test("the flat CSV states what the OCDS sample states for every NOG")
    func csvMatchesOCDS() throws {
        let csv = try CollectedComprasImport.read(Self.samples.appendingPathComponent("compras-sosep-2022.csv"))
        let byNOG = Dictionary(uniqueKeysWithValues: csv.procurements.map { ($0.nog, $0) })
        let package =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.samples.appendingPathComponent("ocds-sosep-2022.json"))) as? [String: Any]
        let records = try #require(package?["records"] as? [[String: Any]])
        #expect(records.count == byNOG.count)
        for record in records {
            let release = Self.compiled(record)
            let tender = try #require(release["tender"] as? [String: Any])
            let nog = try #require((tender["id"] as? String)?.replacingOccurrences(of: "GT-NOG-", with: ""))
            let procurement = try #require(byNOG[nog], "falta \(nog)")
            let title = ((tender["title"] as? String) ?? "").replacingOccurrences(of: "<br />", with: " ")
            #expect(procurement.title == title.split(whereSeparator: \.isWhitespace).joined(separator: " "))
            #expect(procurement.status == tender["statusDetails"] as? String)
            let published = (tender["datePublished"] as? String).map { String($0.prefix(10)) }
            #expect(
                procurement.publishedAt.map(ProcurementDate.dayString) == (published == "0001-01-01" ? nil : published))
            let awards = (release["awards"] as? [[String: Any]]) ?? []
            let expected = awards.flatMap { award -> [String] in
                let amount = ((award["value"] as? [String: Any])?["amount"] as? NSNumber)?.stringValue ?? ""
                let cents = (try? Money(parsing: amount, extraDecimals: .roundFloatNoise))?.plainText ?? ""
                return ((award["suppliers"] as? [[String: Any]]) ?? []).map { supplier in
                    "\((supplier["name"] as? String) ?? "")|\(cents)"
                }
            }.sorted()
            #expect(
                procurement.awards.map { "\($0.supplier.name)|\($0.amount?.plainText ?? "")" }.sorted() == expected,
                "\(nog)")
        }
    }

    /// The record's compiled release, or its releases merged in order (enough for the fields compared here).
    static func compiled(_ record: [String: Any]) -> [String: Any] {
        if let compiled = record["compiledRelease"] as? [String: Any] { return compiled }
        var result: [String: Any] = [:]
        for release in (record["releases"] as? [[String: Any]]) ?? [] {
            for (key, value) in release {
                if key == "tender", let old = result[key] as? [String: Any], let new = value as? [String: Any] {
                    result[key] = old.merging(new) { $1 }
                } else {
                    result[key] = value
                }
            }
        }
        return result
    }
}
