import Domain
import Foundation
import TestSupport
import Testing

@testable import Formats
@testable import Importers

/// Reads every document of a file as `import ocds` does (a ZIP of JSON entry by entry).
func readOCDSInputs(_ url: URL) throws -> OCDSReadResult {
    var result = OCDSReadResult()
    let expansion = try ocdsInputs(url)
    defer { expansion.removeTemporaryFiles() }
    for input in expansion.inputs {
        let one = try readOCDS(input.url)
        result.procurements += one.procurements
        result.locations += one.locations
        result.rejects += one.rejects
        result.warnings += one.warnings
        result.repairs += one.repairs
        result.summary = one.summary
    }
    return result
}

/// The flattened copies of the sample made with flatten-tool (see Fixtures/ocds-flat/README.md) against the JSON
/// they were made from.
struct OCDSFlattenedFixtureTests {
    static let sample = BinaryRunner.samples.appendingPathComponent("compras/ocds-sosep-2022.json")

    /// What the sample's own flat export says in its TOTAL row: Q10,739,905.67.
    static let sampleAwardedTotal = Money(centavos: 1_073_990_567)

    @Test(
        "the flattened XLSX, the ZIP of CSV and its Latin-1 copy give the same procurements as the compiled releases",
        arguments: ["releases.xlsx", "releases-csv.zip", "releases-csv-latin1.zip"])
    func sameAsJSON(name: String) throws {
        let json = try readOCDSInputs(try FixtureFile.url("ocds-flat/compiled-releases.zip"))
        let flat = try readOCDS(try FixtureFile.url("ocds-flat/" + name))
        #expect(json.procurements.count == 36)
        #expect(flat.rejects.isEmpty, "\(flat.rejects)")
        #expect(flat.warnings.filter { $0.severity != .info }.isEmpty, "\(flat.warnings)")
        #expect(flat.procurements.map(\.nog) == json.procurements.map(\.nog))
        for (flattened, original) in zip(flat.procurements, json.procurements) {
            #expect(flattened == original, "NOG \(original.nog)")
        }
        #expect(flat.summary.recordsRead == 36)
        // flatten-tool wrote two award values of the XLSX as binary-float noise (75015.32000000001); the CSV copies
        // and the JSON hold them exact. Rounding that noise is a reported repair, on top of the JSON's own.
        let floatNoise = flat.repairs.filter { repair in
            repair.field.hasSuffix(".value") && repair.original.allSatisfy { $0.isNumber || $0 == "." }
                && (repair.original.split(separator: ".").last?.count ?? 0) > 2
        }
        #expect(floatNoise.count == (name == "releases.xlsx" ? 2 : 0), "\(floatNoise)")
        #expect(flat.summary.repaired == json.summary.repaired + floatNoise.count)
        let total = try Money.sum(flat.procurements.compactMap { try $0.awardedTotal })
        #expect(total == (try Money.sum(json.procurements.compactMap { try $0.awardedTotal })))
        #expect(total == Self.sampleAwardedTotal)
    }

    @Test("Guatecompras' layout (records, com_awards, releases joined on the ocid) equals the sample, release ids too")
    func recordsLayout() throws {
        let json = try readOCDS(Self.sample)
        let flat = try readOCDS(try FixtureFile.url("ocds-flat/records.xlsx"))
        #expect(flat.rejects.isEmpty, "\(flat.rejects)")
        #expect(flat.procurements == json.procurements)
        let nog = try #require(flat.procurements.first { $0.nog == "16089638" })
        #expect(nog.releaseIDs == ["GT-NOG-16089638-T637787556310004118", "GT-NOG-16089638-T637803108280004118"])
        #expect(flat.summary.shape == "registros aplanados (XLSX, hoja «records» y 11 hoja(s) unidas)")
    }

    @Test("the releases layout differs from the sample's record package only in the release ids it can know")
    func releasesLayoutAgainstRecords() throws {
        var json = try readOCDS(Self.sample).procurements
        var flat = try readOCDS(try FixtureFile.url("ocds-flat/releases.xlsx")).procurements
        #expect(flat.map(\.releaseIDs).allSatisfy { $0.count == 1 && $0[0].hasPrefix("ocds-xqjsxa-") })
        for index in json.indices { json[index].releaseIDs = [] }
        for index in flat.indices { flat[index].releaseIDs = [] }
        #expect(flat == json)
    }

    @Test(
        "the summary names the layout, the main sheet and the CSV's encoding",
        arguments: [
            ("releases.xlsx", "entregas aplanadas (XLSX, hoja «releases» y 10 hoja(s) unidas)"),
            ("releases-csv.zip", "entregas aplanadas (CSV en ZIP, hoja «releases» y 10 hoja(s) unidas, UTF-8)"),
            (
                "releases-csv-latin1.zip",
                "entregas aplanadas (CSV en ZIP, hoja «releases» y 10 hoja(s) unidas, Latin-1/Windows-1252)"
            ),
        ])
    func shape(name: String, expected: String) throws {
        #expect(try readOCDS(try FixtureFile.url("ocds-flat/" + name)).summary.shape == expected)
    }

    @Test("the foreign supplier, the accented names and the `tenderer;supplier` roles survive flattening")
    func details() throws {
        let flat = try readOCDS(try FixtureFile.url("ocds-flat/releases-csv-latin1.zip")).procurements
        let foreign = try #require(flat.first { $0.nog == "17355959" })
        #expect(foreign.awards.map(\.supplier.partyID).contains("GT-GCID-CO-0D13D3EE908F02969DED73509B7566AB"))
        #expect(foreign.awards.compactMap(\.amount) == [Money(centavos: 21_478_000), Money(centavos: 19_400_904)])
        #expect(foreign.title == "ADQUISICIÓN DE AYUDAS ORTOPÉDICAS PARA PERSONAS CON DISCAPACIDAD")
        let supplierParty = try #require(foreign.parties.first { $0.id.hasPrefix("GT-GCID-") })
        #expect(supplierParty.roles == ["tenderer", "supplier"])
    }
}
