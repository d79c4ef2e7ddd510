import Domain
import Foundation
import TestSupport
import Testing

@testable import Formats
@testable import Importers

/// A Guatecompras-like release with an award, built as JSON text for the shape tests.
func releaseJSON(
    nog: String, date: String, status: String = "Adjudicado", awards: String = "[]", bids: String? = nil,
    extraTender: String = "", includeTender: Bool = true
) -> String {
    let tender =
        includeTender
        ? #""tender":{"id":"GT-NOG-\#(nog)","title":"COMPRA \#(nog)","status":"complete","statusDetails":"\#(status)","procurementMethod":"open","procurementMethodDetails":"Compra Directa con Oferta Electrónica  (Art. 43 LCE Inciso b)","datePublished":"2022-03-01T09:00:00-06:00","tenderPeriod":{"startDate":"2022-03-01T09:00:00-06:00","endDate":"0001-01-01T00:00:00-06:00"},"items":[{"id":"A1","description":"Frijol","classification":{"scheme":"UNSPSC","id":"50221101"},"quantity":10.0,"unit":{"name":"Quintal"}}]\#(extraTender)},"#
        : #""tender":{"statusDetails":"\#(status)"},"#
    let bidsPart = bids.map { #""bids":{"details":\#($0)},"# } ?? ""
    return
        #"{"ocid":"ocds-xqjsxa-\#(nog)","id":"GT-NOG-\#(nog)-T\#(date.prefix(4))","date":"\#(date)","tag":["award"],"parties":[{"id":"GT-CISP-11130016","name":"SOSEP","identifier":{"scheme":"GT-CISP","id":"11130016"},"roles":["buyer"]},{"id":"GT-GCUC-436-2","name":"DEPARTAMENTO DE COMPRAS","identifier":{"scheme":"GT-GCUC","id":"436-2"},"roles":["buyer"],"memberOf":[{"id":"GT-CISP-11130016","name":"SOSEP"}]}],\#(tender)\#(bidsPart)"awards":\#(awards)}"#
}

let awardJSON =
    #"[{"id":"GT-ADJ-1-7894880","status":"active","statusDetails":"Habilitado","date":"2022-03-10T10:00:00-06:00","value":{"amount":89500.5,"currency":"GTQ"},"suppliers":[{"id":"GT-NIT-7894880","name":"LOPEZ,GARCIA,,MARIA,JOSE"}]}]"#

struct OCDSImporterShapesTests {
    @Test("a record package yields each compiledRelease with its awards, exact amounts and release ids")
    func recordPackage() throws {
        let directory = try TemporaryDirectory()
        let compiled = releaseJSON(
            nog: "16000001", date: "2022-03-10T10:00:00-06:00", awards: awardJSON,
            bids:
                #"[{"id":"B1","status":"valid","value":{"amount":0.0,"currency":"GTQ"},"tenderers":[{"id":"GT-NIT-7894880","name":"X"}]}]"#
        )
        let text =
            #"{"uri":"u","records":[{"ocid":"ocds-xqjsxa-16000001","releases":[{"url":"https://ocds.guatecompras.gt/release/GT-NOG-16000001-T1","date":"2022-03-01T09:00:00-06:00","tag":["tender"]},{"url":"https://ocds.guatecompras.gt/release/GT-NOG-16000001-T2","date":"2022-03-10T10:00:00-06:00","tag":["award"]}],"compiledRelease":\#(compiled)}]}"#
        let result = try readOCDS(try directory.write("p.json", text: text))
        let procurement = try #require(result.procurements.first)
        #expect(result.rejects.isEmpty)
        #expect(procurement.releaseIDs == ["GT-NOG-16000001-T1", "GT-NOG-16000001-T2"])
        #expect(procurement.awards.count == 1)
        #expect(procurement.awards[0].amount == Money(centavos: 8_950_050))
        #expect(procurement.awards[0].supplier.nit == "7894880")
        #expect(procurement.awards[0].supplier.displayName == "MARIA JOSE LOPEZ GARCIA")
        #expect(procurement.bids.count == 1)
        #expect(procurement.bids[0].amount == nil, "a bid of 0.0 is 'not given', not zero")
        #expect(procurement.tenderEndAt == nil, "0001-01-01 is no date")
        #expect(procurement.modalityCode == "compra_directa_oferta_electronica", "extra spaces still match")
        #expect(procurement.buyingUnitCode == "436-2")
        #expect(procurement.awardedAt.map(ProcurementDate.dayString) == "2022-03-10")
        #expect(result.summary.repaired == 2)
        #expect(result.locations.first?.path == "records[0]")
    }

    @Test("a record without compiledRelease is compiled from its releases: latest value per field by date")
    func compileRecord() throws {
        let directory = try TemporaryDirectory()
        let tender = releaseJSON(nog: "16000002", date: "2022-03-01T09:00:00-06:00", status: "Vigente")
        let award = releaseJSON(
            nog: "16000002", date: "2022-03-10T10:00:00-06:00", awards: awardJSON, includeTender: false)
        // The award release comes first in the file: order by date, not by position.
        let text = #"{"records":[{"ocid":"ocds-xqjsxa-16000002","releases":[\#(award),\#(tender)]}]}"#
        let result = try readOCDS(try directory.write("r.json", text: text))
        let procurement = try #require(result.procurements.first)
        #expect(procurement.status == "Adjudicado")
        #expect(procurement.title == "COMPRA 16000002", "fields the later release omits are kept")
        #expect(procurement.items.count == 1)
        #expect(procurement.awards.first?.amount == Money(centavos: 8_950_050))
        #expect(procurement.releaseIDs.count == 2)
    }

    @Test("JSON Lines of releases group by ocid even when the releases are far apart")
    func jsonLinesReleases() throws {
        let directory = try TemporaryDirectory()
        let lines = [
            releaseJSON(nog: "16000003", date: "2022-03-01T09:00:00-06:00", status: "Vigente"),
            releaseJSON(nog: "16000004", date: "2022-04-01T09:00:00-06:00", status: "Vigente"),
            releaseJSON(nog: "16000003", date: "2022-03-10T10:00:00-06:00", awards: awardJSON, includeTender: false),
        ]
        let result = try readOCDS(try directory.write("r.jsonl", text: lines.joined(separator: "\n") + "\n"))
        #expect(result.procurements.map(\.nog) == ["16000003", "16000004"])
        #expect(result.procurements[0].status == "Adjudicado")
        #expect(result.procurements[0].awards.count == 1)
        #expect(result.summary.shape == "JSON Lines")
    }

    @Test("JSON Lines of records, a root array of records and a bare record all import")
    func otherRecordShapes() throws {
        let directory = try TemporaryDirectory()
        let first = releaseJSON(nog: "16000011", date: "2022-03-10T10:00:00-06:00", awards: awardJSON)
        let second = releaseJSON(nog: "16000012", date: "2022-03-11T10:00:00-06:00")
        let records = [
            #"{"ocid":"ocds-xqjsxa-16000011","compiledRelease":\#(first)}"#,
            #"{"ocid":"ocds-xqjsxa-16000012","compiledRelease":\#(second)}"#,
        ]
        let lines = try readOCDS(try directory.write("r.jsonl", text: records.joined(separator: "\n")))
        #expect(lines.procurements.map(\.nog) == ["16000011", "16000012"])
        let array = try readOCDS(try directory.write("r.json", text: "[" + records.joined(separator: ",") + "]"))
        #expect(array.procurements.map(\.nog) == ["16000011", "16000012"])
        #expect(array.procurements[0].awards.count == 1)
        let tender = releaseJSON(nog: "16000013", date: "2022-03-01T09:00:00-06:00", status: "Vigente")
        let award = releaseJSON(
            nog: "16000013", date: "2022-03-10T10:00:00-06:00", awards: awardJSON, includeTender: false)
        let bare = try readOCDS(
            try directory.write("b.json", text: #"{"ocid":"ocds-xqjsxa-16000013","releases":[\#(tender),\#(award)]}"#))
        #expect(bare.procurements.map(\.nog) == ["16000013"])
        #expect(bare.procurements.first?.status == "Adjudicado")
        #expect(bare.procurements.first?.items.count == 1)
    }

    @Test("a value of the wrong type rejects the element with its JSON path and byte offset")
    func wrongType() throws {
        let directory = try TemporaryDirectory()
        let bad = releaseJSON(
            nog: "16000005", date: "2022-03-10T10:00:00-06:00",
            awards: #"[{"id":"A","value":{"amount":{"x":1}},"suppliers":[]}]"#)
        let good = releaseJSON(nog: "16000006", date: "2022-03-10T10:00:00-06:00")
        let text =
            #"{"records":[{"ocid":"ocds-xqjsxa-16000005","compiledRelease":\#(bad)},{"ocid":"ocds-xqjsxa-16000006","compiledRelease":\#(good)}]}"#
        let result = try readOCDS(try directory.write("t.json", text: text))
        #expect(result.procurements.map(\.nog) == ["16000006"])
        let reject = try #require(result.rejects.first)
        #expect(reject.file == "t.json")
        #expect(reject.field == "records[0].compiledRelease.awards[0].value.amount")
        #expect(reject.message.contains("se esperaba un número"))
        #expect(reject.message.contains("byte 12"))
        #expect(result.summary.rejected == 1)
    }

    @Test("lone UTF-16 surrogate escapes are repaired and flagged, the numbers kept")
    func loneSurrogates() throws {
        let directory = try TemporaryDirectory()
        let release = releaseJSON(nog: "16000007", date: "2022-03-10T10:00:00-06:00", awards: awardJSON)
            .replacingOccurrences(of: "COMPRA 16000007", with: #"COFI\udc81O"#)
        let result = try readOCDS(try directory.write("s.json", text: #"{"releases":[\#(release)]}"#))
        #expect(result.rejects.isEmpty, "\(result.rejects)")
        let procurement = try #require(result.procurements.first)
        #expect(procurement.title == "COFI\u{FFFD}O")
        #expect(procurement.awards.first?.amount == Money(centavos: 8_950_050))
        #expect(result.warnings.contains { $0.message.contains("sustitutos") })
    }

    @Test("a compiled release without its own ocid takes the record's")
    func ocidFromRecord() throws {
        let directory = try TemporaryDirectory()
        let compiled = releaseJSON(nog: "16000009", date: "2022-03-10T10:00:00-06:00")
            .replacingOccurrences(of: #""ocid":"ocds-xqjsxa-16000009","#, with: "")
            .replacingOccurrences(of: #""id":"GT-NOG-16000009","#, with: "")
        let text = #"{"records":[{"ocid":"ocds-xqjsxa-16000009","compiledRelease":\#(compiled)}]}"#
        let result = try readOCDS(try directory.write("o.json", text: text))
        #expect(result.procurements.first?.nog == "16000009")
        #expect(result.procurements.first?.ocid == "ocds-xqjsxa-16000009")
    }

    @Test("an element without a NOG is rejected, not guessed")
    func missingNOG() throws {
        let directory = try TemporaryDirectory()
        let text =
            #"[{"ocid":"ocds-other-1","id":"x","date":"2022-01-01T00:00:00Z","tender":{"id":"T-1","title":"x"}}]"#
        let result = try readOCDS(try directory.write("n.json", text: text))
        #expect(result.procurements.isEmpty)
        #expect(result.rejects.first?.message.contains("NOG") == true)
    }

    @Test("a truncated package stops the read with a Formats error naming the file")
    func truncated() throws {
        let directory = try TemporaryDirectory()
        let text = #"{"records":[{"ocid":"ocds-xqjsxa-1","compiledRelease":{"tender":{"id":"GT-NOG-1"#
        #expect(throws: FormatsError.self) { _ = try readOCDS(try directory.write("cut.json", text: text)) }
    }
}
