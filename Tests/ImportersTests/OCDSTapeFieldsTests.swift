import Formats
import Foundation
import Testing

@testable import Importers

/// OCDS elements are read straight from their tape in front of `JSONDecoder`, and compiled releases straight from
/// their tree in front of ``JSONValueDecoder``: whenever a direct read answers, the answer must be the decoder's;
/// whenever the decoder rejects the element, the direct read must decline, so the importer decodes it again and
/// reports the decoder's error.
struct OCDSTapeFieldsTests {
    /// A record whose compiled release carries `party`, `item`, `value` and `tender` pieces.
    func record(
        party: String = #"{"id":"GT-NIT-1","name":"A"}"#, item: String = #"{"id":"1"}"#,
        value: String = #"{"amount":1,"currency":"GTQ"}"#, extra: String = ""
    ) -> String {
        """
        {"ocid":"ocds-xqjsxa-1","releases":[{"url":"https://x/release/GT-1","date":"2022-01-01"}],
         "compiledRelease":{"ocid":"ocds-xqjsxa-1","id":"r1","tag":["tender","award"],"parties":[\(party)],
         "buyer":{"id":"GT-NIT-9","name":"Compradora"},"tender":{"id":"1","title":"T","items":[\(item)],
         "tenderPeriod":{"startDate":"2022-01-01","endDate":null}},"bids":{"details":[{"id":"b","value":\(value)}]},
         "awards":[{"id":"a","value":\(value),"suppliers":[{"id":"GT-NIT-2","name":"S"}]}],
         "contracts":[{"id":"c","period":{"startDate":"2022-02-01"},"value":\(value)}]\(extra)}}
        """
    }

    /// What each way of reading gives, as text (the OCDS types are not `Equatable`): `JSONDecoder` and the tape
    /// read, then ``JSONValueDecoder`` and the tree read of the same JSON parsed into a tree.
    func readings(_ text: String) -> (expected: String?, direct: String?, treeExpected: String?, tree: String?) {
        let data = Data(text.utf8)
        func shown(_ value: OCDSRecord?) -> String? {
            guard let value else { return nil }
            var out = ""
            dump(value, to: &out)
            return out
        }
        let direct = try? OCDSRecord(fields: OCDSTapeFields<OCDSRecord.CodingKeys>(object: JSONTapeObject(data)))
        let parsed = try? JSONValue.parse(data)
        let treeExpected = parsed.flatMap { try? JSONValueDecoder().decode(OCDSRecord.self, from: $0) }
        let tree = parsed.flatMap { try? OCDSRecord(fields: OCDSTreeFields<OCDSRecord.CodingKeys>($0)) }
        return (
            shown(try? JSONDecoder().decode(OCDSRecord.self, from: data)), shown(direct), shown(treeExpected),
            shown(tree)
        )
    }

    @Test(
        "lenient fields read as JSONDecoder reads them",
        arguments: [
            ("ids written as numbers and booleans", #"{"id":12345,"name":true,"identifier":{"id":1.50}}"#, "", ""),
            ("amounts written as text", "", "", #"{"amount":" 17940.00","currency":"GTQ"}"#),
            ("null amount and currency", "", "", #"{"amount":null,"currency":null}"#),
            ("quantity captured by a browser", "", #"{"id":"1","quantity":{"source":"100.0","parsedValue":100}}"#, ""),
            ("captured quantity without source", "", #"{"id":"1","quantity":{"parsedValue":3.25}}"#, ""),
            ("captured quantity of text", "", #"{"id":"1","quantity":{"source":"x","parsedValue":7}}"#, ""),
            ("empty captured quantity", "", #"{"id":"1","quantity":{}}"#, ""),
            ("quantity as text", "", #"{"id":"1","quantity":"12"}"#, ""),
            ("quantity as a number", "", #"{"id":"1","quantity":2.50,"unit":{"name":"Caja"}}"#, ""),
            ("duplicate keys: the first wins", #"{"id":"a","id":"b","roles":["buyer"],"roles":[]}"#, "", ""),
            ("escapes", #"{"id":"Ni\u00f1o \"A\" \/ \ud83d\ude00","memberOf":[{"id":"x"}]}"#, "", ""),
        ])
    func sameValues(_ name: String, party: String, item: String, value: String) throws {
        let text = record(
            party: party.isEmpty ? #"{"id":"GT-NIT-1"}"# : party, item: item.isEmpty ? #"{"id":"1"}"# : item,
            value: value.isEmpty ? #"{"amount":1}"# : value)
        let read = readings(text)
        #expect(read.expected != nil, "\(name): JSONDecoder reads it")
        #expect(read.direct == read.expected, "\(name)")
        #expect(read.treeExpected != nil, "\(name): JSONValueDecoder reads it")
        #expect(read.tree == read.treeExpected, "\(name)")
    }

    @Test(
        "elements JSONDecoder rejects are declined",
        arguments: [
            ("a party that is null", "null", "", ""),
            ("a role that is a number", #"{"id":"1","roles":[1]}"#, "", ""),
            ("an amount that is not a number", "", "", #"{"amount":"abc"}"#),
            ("an amount that is a boolean", "", "", #"{"amount":true}"#),
            ("a captured quantity whose source is a number", "", #"{"quantity":{"source":5}}"#, ""),
            ("an id that is an object", #"{"id":{"x":1}}"#, "", ""),
            ("a value that is a list", "", "", "[]"),
        ])
    func declined(_ name: String, party: String, item: String, value: String) throws {
        let text = record(
            party: party.isEmpty ? #"{"id":"GT-NIT-1"}"# : party, item: item.isEmpty ? #"{"id":"1"}"# : item,
            value: value.isEmpty ? #"{"amount":1}"# : value)
        let read = readings(text)
        #expect(read.expected == nil, "\(name): JSONDecoder rejects it")
        #expect(read.direct == nil, "\(name)")
        #expect(read.treeExpected == nil, "\(name): JSONValueDecoder rejects it")
        #expect(read.tree == nil, "\(name)")
    }

    @Test("an ocid written as a number and a tender that is a list are declined by every reading")
    func wrongShapes() {
        for text in [#"{"ocid":5,"compiledRelease":{}}"#, #"{"ocid":"o","compiledRelease":{"tender":[]}}"#] {
            let read = readings(text)
            #expect(read.expected == nil && read.direct == nil && read.treeExpected == nil && read.tree == nil)
        }
        #expect(readings(#"{"ocid":"o","compiledRelease":{"tender":{"title":"x",}}}"#).direct == nil)
    }

    @Test("Guatecompras' releases are read directly, not through the fallback")
    func realReleasesTakeTheFastPath() throws {
        for name in ["release", "release-example", "release-compra-directa-vigente"] {
            let data = try Data(contentsOf: FixtureFile.url("guatecompras/\(name).json"))
            // A release package or a bare release; each release is read as the importer reads a single one.
            let document = try JSONValue.parse(data)
            var releases = [document]
            if case .array(let packaged)? = document["releases"] { releases = packaged }
            for release in releases {
                let bytes = release.jsonData()
                let direct = try OCDSRelease(
                    fields: OCDSTapeFields<OCDSRelease.CodingKeys>(object: JSONTapeObject(bytes)))
                var shownDirect = ""
                var shownExpected = ""
                dump(direct, to: &shownDirect)
                dump(try JSONDecoder().decode(OCDSRelease.self, from: bytes), to: &shownExpected)
                #expect(shownDirect == shownExpected, "\(name)")
            }
        }
    }
}
