import Domain
import Foundation
import TestSupport
import Testing

@testable import Importers

/// Records and release groups are read several at a time on every core; what comes out must be what reading
/// them one by one gave: the same events in file order, the same counts, the same rejects.
struct OCDSBatchReadingTests {
    @Test("a record package larger than a batch hands over procurements and rejects in file order")
    func recordsInOrder() throws {
        let directory = try TemporaryDirectory()
        // 700 records: more than two batches, with a record lacking its NOG every 97th.
        let records = (0..<700).map { index -> String in
            let nog = String(16_000_000 + index)
            let release = releaseJSON(nog: nog, date: "2022-03-10T10:00:00-06:00", awards: awardJSON)
            if index % 97 == 5 {
                return #"{"ocid":"sin-nog-\#(index)","compiledRelease":{"ocid":"sin-nog-\#(index)"}}"#
            }
            return #"{"ocid":"ocds-xqjsxa-\#(nog)","compiledRelease":\#(release)}"#
        }
        let url = try directory.write("lote.json", text: #"{"records":[\#(records.joined(separator: ","))]}"#)
        let result = try readOCDS(url)
        let rejectedIndices = (0..<700).filter { $0 % 97 == 5 }
        #expect(result.summary.recordsRead == 700)
        #expect(result.summary.rejected == rejectedIndices.count)
        #expect(result.procurements.map(\.nog) == (0..<700).filter { $0 % 97 != 5 }.map { String(16_000_000 + $0) })
        #expect(result.locations.map(\.path) == (0..<700).filter { $0 % 97 != 5 }.map { "records[\($0)]" })
        #expect(result.rejects.map(\.field) == rejectedIndices.map { "records[\($0)].compiledRelease.ocid" })
        // Each accepted record repairs its placeholder tender end date: the repairs follow the records.
        #expect(result.summary.repaired == result.repairs.count)
        #expect(result.repairs.count == 700 - rejectedIndices.count)
    }

    @Test("a release package larger than a batch is indexed in file order: rejects, then groups by first appearance")
    func releasesInOrder() throws {
        let directory = try TemporaryDirectory()
        // 700 releases of 300 processes, each process's releases 300 apart (so groups span batches); a release
        // without ocid every 97th, and one that is not an object at a batch boundary.
        let releases = (0..<700).map { index -> String in
            if index == 256 { return #""texto""# }
            let date = "2022-03-10T10:00:00-06:00"
            if index % 97 == 5 { return #"{"id":"sin-ocid-\#(index)","date":"\#(date)"}"# }
            return releaseJSON(nog: String(16_000_000 + index % 300), date: date)
        }
        let records = #"{"ocid":"sin-nog","compiledRelease":{"ocid":"sin-nog"}}"#
        let url = try directory.write(
            "entregas.json", text: #"{"releases":[\#(releases.joined(separator: ","))],"records":[\#(records)]}"#)
        let result = try readOCDS(url)
        let withoutOcid = (0..<700).filter { $0 % 97 == 5 }
        #expect(result.rejects.count == withoutOcid.count + 2)
        let rejected = [5, 102, 199, 256, 296, 393, 490, 587, 684].map {
            "releases[\($0)]" + ($0 == 256 ? "" : ".ocid")
        }
        #expect(result.rejects.compactMap(\.field) == rejected + ["records[0].compiledRelease.ocid"])
        // Processes in order of their first release with an ocid.
        var groups: [Int] = []
        for index in 0..<700 where index % 97 != 5 && index != 256 && !groups.contains(index % 300) {
            groups.append(index % 300)
        }
        #expect(result.procurements.map(\.nog) == groups.map { String(16_000_000 + $0) })
        #expect(result.summary.recordsRead == withoutOcid.count + 2 + groups.count)
    }

    @Test("a compiled release with a value of the wrong type is rejected with its path, as when decoded from text")
    func compiledWrongType() throws {
        let directory = try TemporaryDirectory()
        let tender = releaseJSON(nog: "16000021", date: "2022-03-01T09:00:00-06:00", status: "Vigente")
        let award = releaseJSON(
            nog: "16000021", date: "2022-03-10T10:00:00-06:00",
            awards: #"[{"id":"A","value":{"amount":{"x":1}},"suppliers":[]}]"#, includeTender: false)
        // A null among the parties: the list no longer merges by id, so the later release's list is kept whole.
        let nullParty = releaseJSON(nog: "16000022", date: "2022-03-10T10:00:00-06:00")
            .replacingOccurrences(of: #""parties":["#, with: #""parties":[null,"#)
        let good = releaseJSON(nog: "16000022", date: "2022-03-01T09:00:00-06:00")
        let url = try directory.write(
            "p.json", text: #"{"releases":[\#(tender),\#(award),\#(good),\#(nullParty)]}"#)
        let result = try readOCDS(url)
        #expect(result.procurements.isEmpty)
        #expect(result.summary.rejected == 2)
        let wrongType = try #require(result.rejects.first)
        #expect(wrongType.field == "releases[0].awards[0].value.amount")
        #expect(wrongType.message.hasPrefix("tipo de valor incorrecto: se esperaba un número"))
        let missing = try #require(result.rejects.last)
        #expect(missing.field == "releases[2].parties[0]")
        #expect(missing.message.hasPrefix("falta un valor"))
    }

    @Test("a progress that throws stops a release package during its first pass, before anything is handed over")
    func progressStopsFirstPass() throws {
        let directory = try TemporaryDirectory()
        let releases = (0..<50).map { releaseJSON(nog: String(16_100_000 + $0), date: "2022-03-01T09:00:00-06:00") }
        let url = try directory.write("p.json", text: #"{"releases":[\#(releases.joined(separator: ","))]}"#)
        struct Stop: Error {}
        var calls = 0
        var handed = 0
        #expect(throws: Stop.self) {
            _ = try OCDSImporter().read(url) { _, _ in
                calls += 1
                if calls == 10 { throw Stop() }
            } handle: { _ in
                handed += 1
            }
        }
        #expect(calls == 10)
        #expect(handed == 0)
    }

    @Test("a progress that throws among records stops after handing over the batch read before it, in order")
    func progressStopsRecords() throws {
        let directory = try TemporaryDirectory()
        let records = (0..<600).map { index -> String in
            let nog = String(16_200_000 + index)
            let release = releaseJSON(nog: nog, date: "2022-03-10T10:00:00-06:00")
            return #"{"ocid":"ocds-xqjsxa-\#(nog)","compiledRelease":\#(release)}"#
        }
        let url = try directory.write("r.json", text: #"{"records":[\#(records.joined(separator: ","))]}"#)
        struct Stop: Error {}
        var calls = 0
        var nogs: [String] = []
        #expect(throws: Stop.self) {
            _ = try OCDSImporter().read(url) { _, _ in
                calls += 1
                // The 300th record: the first batch (256 records) is being read; the next one is being cut.
                if calls == 300 { throw Stop() }
            } handle: { event in
                if case .procurement(let procurement, _) = event { nogs.append(procurement.nog) }
            }
        }
        #expect(nogs == (0..<OCDSJobBatch.maxJobs).map { String(16_200_000 + $0) })
    }
}
