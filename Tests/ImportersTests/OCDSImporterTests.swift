import Domain
import Foundation
import TestSupport
import Testing

@testable import Formats
@testable import Importers

/// What one read produced, collected for assertions.
struct OCDSReadResult {
    var procurements: [Procurement] = []
    var locations: [OCDSLocation] = []
    var rejects: [Diagnostic] = []
    var warnings: [Diagnostic] = []
    var repairs: [ValueRepair] = []
    var summary = OCDSReadSummary()
}

func readOCDS(_ url: URL) throws -> OCDSReadResult {
    var result = OCDSReadResult()
    result.summary = try OCDSImporter().read(url) { event in
        switch event {
        case .procurement(let procurement, let location):
            result.procurements.append(procurement)
            result.locations.append(location)
        case .rejected(let diagnostic): result.rejects.append(diagnostic)
        case .diagnostic(let diagnostic): result.warnings.append(diagnostic)
        case .repaired(let repair): result.repairs.append(repair)
        }
    }
    return result
}

func fixture(_ name: String) throws -> URL {
    try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/guatecompras"))
}

struct OCDSImporterRealReleasesTests {
    @Test("the Guatecompras API release package imports with its entity, buying unit, modality and items")
    func releasePackage() throws {
        let result = try readOCDS(try fixture("release"))
        #expect(result.rejects.isEmpty)
        let procurement = try #require(result.procurements.first)
        #expect(result.procurements.count == 1)
        #expect(procurement.nog == "29813743")
        #expect(procurement.ocid == "ocds-xqjsxa-29813743")
        #expect(procurement.buyerEntityCode == "12101206")
        #expect(procurement.buyerEntityName == "MUNICIPALIDAD DE CONCEPCIÓN TUTUAPA, SAN MARCOS")
        #expect(procurement.buyingUnitCode == "342-2")
        #expect(procurement.modalityCode == "licitacion_publica")
        #expect(procurement.modalityText == "Licitación Pública (Art. 17 LCE)")
        #expect(procurement.status == "Vigente")
        #expect(procurement.parties.map(\.id) == ["GT-CISP-12101206", "GT-GCUC-342-2"])
        #expect(procurement.parties[1].memberOf == "GT-CISP-12101206")
        #expect(procurement.items.first?.quantity == 100)
        #expect(procurement.items.first?.classificationID?.count == 8)
        #expect(procurement.releaseIDs == ["GT-NOG-29813743-T639106884317254118"])
        #expect(procurement.publishedAt.map(ProcurementDate.isoString) == "2026-04-01T11:01:28-06:00")
        #expect(procurement.awards.isEmpty)
        #expect(result.summary.shape == "paquete de entregas")
    }

    @Test("a bare release saved from a browser (quantity as {source, parsedValue}) gives the same procurement")
    func bareReleaseCapture() throws {
        let package = try #require(try readOCDS(try fixture("release")).procurements.first)
        let bare = try #require(try readOCDS(try fixture("realase-search")).procurements.first)
        #expect(bare == package)
    }

    @Test("the arrendamiento release maps its quirky modality label to the catalog")
    func arrendamiento() throws {
        let procurement = try #require(try readOCDS(try fixture("release-example")).procurements.first)
        #expect(procurement.nog == "29846285")
        #expect(procurement.modalityCode == "arrendamientos_licitacion")
        #expect(procurement.buyingUnitCode == "207-3")
        #expect(procurement.items.first?.quantity == 1900)
    }

    @Test("the IGSS compra directa release keeps text, never markup, and names unit 52-15")
    func compraDirecta() throws {
        let procurement = try #require(try readOCDS(try fixture("release-compra-directa-vigente")).procurements.first)
        #expect(procurement.nog == "30714915")
        #expect(procurement.modalityCode == "compra_directa_oferta_electronica")
        #expect(procurement.buyingUnitCode == "52-15")
        #expect(procurement.buyerEntityCode == "11400068")
        #expect(!procurement.title.contains("<br"))
        #expect(!procurement.title.contains("\t"))
        #expect(procurement.title.hasPrefix("EVENTO: 641-2026 CÓDIGO IGSS: 352030"))
        #expect(procurement.items.first?.quantity == 270)
    }
}

struct OCDSRepairsTests {
    @Test("each repaired value is handed over with its JSON path: placeholder dates, redacted 0.0 bids, HTML in text")
    func repairsNamed() throws {
        let result = try readOCDS(BinaryRunner.samples.appendingPathComponent("compras/ocds-sosep-2022.json"))
        #expect(result.repairs.count == result.summary.repaired)
        #expect(result.repairs.allSatisfy { $0.field.hasPrefix("records[") && $0.line != nil })
        #expect(
            result.repairs.contains {
                $0.field.hasSuffix(".value") && $0.original == "0.0" && $0.repaired == "(sin monto)"
            })
    }
}
