import Domain
import Foundation
import Ledger
import TestSupport
import Testing

@testable import Publishing

/// `export ocds`: the institution's procurement as an OCDS 1.1 package with Guatecompras' conventions.
struct OCDSExportTests {
    private func export(
        _ package: OCDSExportRequest.Package = .records, profile: InstitutionProfile = ExportFixture.allowingPersons
    ) throws -> (count: Int, json: [String: Any], text: String) {
        let directory = try TemporaryDirectory()
        let file = directory.file("ocds.json")
        let count = try OCDSExporter(ledger: try ExportFixture.ledger()).run(
            OCDSExportRequest(
                scope: ExportFixture.scope(profile), file: file, package: package, created: ExportFixture.created))
        let data = try Data(contentsOf: file)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (count, json, String(decoding: data, as: UTF8.self))
    }

    @Test("a record package: ocid, linked releases dated by their ticks, a compiled release with Guatecompras' ids")
    func recordPackage() throws {
        let (count, package, text) = try export()
        #expect(count == 3)
        #expect(package["version"] as? String == "1.1")
        #expect(package["uri"] as? String == "urn:transparencia:ocds:sp:2022")
        #expect(package["license"] as? String == "https://creativecommons.org/licenses/by/4.0/")
        #expect(package["publishedDate"] as? String == "2023-11-14T16:13:20-06:00")
        let records = try #require(package["records"] as? [[String: Any]])
        let record = records[0]
        #expect(record["ocid"] as? String == "ocds-xqjsxa-16299514")
        let link = try #require((record["releases"] as? [[String: Any]])?.first)
        #expect(link["url"] as? String == "https://ocds.guatecompras.gt/release/GT-NOG-16299514-T637833348310004118")
        #expect(link["date"] as? String == "2022-03-20T01:00:31-06:00")
        let compiled = try #require(record["compiledRelease"] as? [String: Any])
        #expect(compiled["id"] as? String == "ocds-xqjsxa-16299514-2022-03-19T13:13:23-06:00")
        #expect(compiled["tag"] as? [String] == ["compiled"])
        let tender = try #require(compiled["tender"] as? [String: Any])
        #expect(tender["id"] as? String == "GT-NOG-16299514")
        #expect(tender["procurementMethodDetails"] as? String == "Licitación Pública (Art. 17 LCE)")
        let parties = try #require(compiled["parties"] as? [[String: Any]])
        #expect(parties.map { $0["id"] as? String } == ["GT-CISP-11130016", "GT-GCUC-436-2", "GT-NIT-947642900"])
        #expect(parties.last?["roles"] as? [String] == ["supplier"])
        #expect(
            text.contains(
                "\"value\": {\n              \"amount\": 2394900.00,\n              \"currency\": \"GTQ\"\n            }"
            ))
        #expect(text.contains("\"contractNumber\": \"SP-DA-010-2022\""))
        #expect(!text.contains("tenderer") && !text.contains("\"bids\""), "bidders are not published")
    }

    @Test("the budget lines the NOG was paid from go into planning.budget")
    func budget() throws {
        let records = try #require(try export().json["records"] as? [[String: Any]])
        let planning = (records[0]["compiledRelease"] as? [String: Any])?["planning"] as? [String: Any]
        let budget = try #require(planning?["budget"] as? [String: Any])
        #expect(budget["id"] as? String == "2022-11130016-208-11-00-000-004-000-211")
        #expect(budget["projectID"] as? String == "11-00-000-004-000")
        #expect((budget["amount"] as? [String: Any])?["currency"] as? String == "GTQ")
        #expect((records[1]["compiledRelease"] as? [String: Any])?["planning"] == nil, "no evidence, no budget")
    }

    @Test("a release package holds the compiled releases")
    func releasePackage() throws {
        let package = try export(.releases).json
        #expect(package["records"] == nil)
        let releases = try #require(package["releases"] as? [[String: Any]])
        #expect(
            releases.map { $0["ocid"] as? String } == [
                "ocds-xqjsxa-16299514", "ocds-xqjsxa-16591327", "ocds-xqjsxa-17000001",
            ])
    }

    @Test("a natural person supplier is refused unless the profile allows ocds.proveedor")
    func naturalPerson() throws {
        #expect(throws: PublishingError.self) { try export(profile: ExportFixture.profile) }
    }

    @Test("Guatecompras' release ids date the release: .NET ticks of the local publication time")
    func ticks() throws {
        let date = try #require(GuatecomprasReleaseID.date(of: "GT-NOG-29813743-T639106884317254118"))
        #expect(ProcurementDate.isoString(date) == "2026-04-02T01:00:31-06:00")
        #expect(GuatecomprasReleaseID.date(of: "GT-NOG-29813743") == nil)
    }
}
