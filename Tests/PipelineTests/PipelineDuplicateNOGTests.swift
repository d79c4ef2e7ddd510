import Domain
import Foundation
import Ledger
import Pipeline
import TestSupport
import Testing

/// A NOG that comes back in the same file with other data keeps its first version and is rejected with where it
/// was first seen.
struct PipelineDuplicateNOGTests {
    func record(title: String) -> String {
        """
        {"ocid":"ocds-xqjsxa-16000001","compiledRelease":{"ocid":"ocds-xqjsxa-16000001","id":"GT-NOG-16000001-T1",
        "date":"2022-03-01T09:00:00-06:00","tender":{"id":"16000001","title":"\(title)","status":"active"}}}
        """
    }

    @Test("the rejected repeat names the first one's position in the file")
    func repeatNamesFirstPosition() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(
            "dup.json", text: #"{"records":[\#(record(title: "PRIMERO")),\#(record(title: "SEGUNDO"))]}"#)
        let ledger = try Ledger.inMemory()
        let report = try PipelineFixtures.importOne(ledger, url, as: .ocds, allowRejects: true)
        let rejects = report.diagnostics.groups.flatMap(\.examples).filter { $0.severity == .error }
        let reject = try #require(rejects.first)
        #expect(rejects.count == 1)
        #expect(reject.message.contains("el NOG 16000001 aparece otra vez en el mismo archivo con datos distintos"))
        #expect(reject.message.contains("(primera vez en línea 1, records[0], byte 12); se conserva la primera"))
        #expect(try ledger.procurement(nog: "16000001")?.title == "PRIMERO")
    }
}
