import Foundation
import TestSupport
import Testing

@testable import Formats
@testable import Importers

/// A process's releases are compiled straight from their tapes (``OCDSMergedFields``) in front of compiling their
/// trees (``OCDSReleaseCompiler/compile(_:)``, then ``OCDSTreeFields`` or ``JSONValueDecoder``): whenever the tapes
/// answer, the answer must be the trees'; whenever the trees are rejected, the tapes must decline.
struct OCDSMergedFieldsTests {
    /// The compiled release and release ids, as text (the OCDS types are not `Equatable`).
    static func shown(_ release: OCDSRelease, _ releaseIDs: [String]) -> String {
        var out = ""
        dump(release, to: &out)
        dump(releaseIDs, to: &out)
        return out
    }

    /// Both ways of compiling one process's releases (JSON texts in file order), as the importer reads them.
    static func compiledBothWays(_ releases: [String]) -> (trees: String?, tapes: String?) {
        let data = releases.map { Data($0.utf8) }
        var trees: String?
        let parsed = data.compactMap { try? JSONValue.parse($0) }
        if parsed.count == data.count, let compiled = OCDSReleaseCompiler.compile(parsed) {
            let release =
                (try? OCDSRelease(fields: OCDSTreeFields<OCDSRelease.CodingKeys>(compiled)))
                ?? (try? JSONValueDecoder().decode(OCDSRelease.self, from: compiled))
            if let release { trees = shown(release, parsed.compactMap { $0["id"]?.text }) }
        }
        var tapes: String?
        if let objects = try? data.map({ try JSONTapeObject($0) }),
            objects.allSatisfy({ $0.parsesAsTree(maxDepth: 64) }),
            let (release, releaseIDs) = try? OCDSReleaseCompiler.compile(tapes: objects)
        {
            tapes = shown(release, releaseIDs)
        }
        return (trees, tapes)
    }

    static let first =
        #"{"ocid":"ocds-xqjsxa-1","id":"r1","date":"2022-03-01T09:00:00-06:00","tag":["tender"],"parties":[{"id":"GT-CISP-1","name":"Entidad","identifier":{"scheme":"GT-CISP","id":"1"},"roles":["buyer"],"address":{"region":"X"}},{"id":"GT-GCUC-1-2","name":"Unidad","memberOf":[{"id":"GT-CISP-1","name":"Entidad"}]}],"buyer":{"id":"GT-NIT-9","name":"Compradora"},"tender":{"id":"GT-NOG-1","title":"Compra","status":"active","statusDetails":"Vigente","procurementMethodDetails":"Compra Directa","items":[{"id":"A","description":"Frijol","quantity":10.0,"unit":{"name":"Quintal"}}],"tenderPeriod":{"startDate":"2022-03-01T09:00:00-06:00","endDate":"0001-01-01T00:00:00-06:00"}}}"#

    @Test(
        "merges as the compiler merges trees",
        arguments: [
            (
                "a later release adds an award and changes the status",
                [
                    first,
                    #"{"ocid":"ocds-xqjsxa-1","id":"r2","date":"2022-03-10T10:00:00-06:00","tag":["award"],"tender":{"statusDetails":"Adjudicado"},"awards":[{"id":"a1","value":{"amount":89500.5,"currency":"GTQ"},"suppliers":[{"id":"GT-NIT-7","name":"S"}]}]}"#,
                ]
            ),
            (
                "null removes a top-level and a nested field",
                [
                    first,
                    #"{"ocid":"ocds-xqjsxa-1","id":"r2","date":"2022-03-10","buyer":null,"tender":{"title":null,"tenderPeriod":{"endDate":null}}}"#,
                ]
            ),
            (
                "parties merge by id, new ids are appended in order",
                [
                    first,
                    #"{"id":"r2","date":"2022-04-01","parties":[{"id":"GT-NIT-7","name":"Proveedor","roles":["supplier"]},{"id":"GT-CISP-1","roles":["buyer","payer"],"identifier":null}]}"#,
                ]
            ),
            (
                "an array with an element without id replaces the one before whole",
                [
                    first,
                    #"{"id":"r2","date":"2022-04-01","parties":[{"id":"GT-CISP-1","name":"Otra"},{"name":"sin id","memberOf":[{"id":"m","name":"uno"},{"id":"m","name":"dos"}]}]}"#,
                ]
            ),
            (
                "an empty array replaces, and the next array with ids starts again",
                [
                    first, #"{"id":"r2","date":"2022-04-01","parties":[]}"#,
                    #"{"id":"r3","date":"2022-05-01","parties":[{"id":"GT-NIT-7","name":"Nueva"}]}"#,
                ]
            ),
            (
                "repeated ids within one array merge into the first",
                [
                    #"{"ocid":"o","id":"r1","date":"2022-01-01","awards":[{"id":"a","status":"pending"},{"id":"b"},{"id":"a","date":"2022-01-02"}]}"#,
                    #"{"ocid":"o","id":"r2","date":"2022-01-03","awards":[{"id":"b","status":"active"}]}"#,
                ]
            ),
            (
                "ids written as numbers and text merge when their text is equal",
                [
                    #"{"ocid":"o","id":1,"date":"2022-01-01","tender":{"items":[{"id":1,"description":"uno"},{"id":"2.50"}]}}"#,
                    #"{"ocid":"o","id":"2","date":"2022-01-02","tender":{"items":[{"id":"1","quantity":3},{"id":2.5,"description":"dos"}]}}"#,
                ]
            ),
            (
                "an object replaced by text and given again starts empty",
                [
                    first, #"{"id":"r2","date":"2022-04-01","buyer":"x"}"#,
                    #"{"id":"r3","date":"2022-05-01","buyer":{"name":"Solo nombre"}}"#,
                ]
            ),
            (
                "releases are taken by date, file order among equal dates, undated first",
                [
                    #"{"ocid":"o","id":"late","date":"2022-05-01","tender":{"title":"tarde"}}"#,
                    #"{"ocid":"o","id":"early","date":"2022-01-01","tender":{"title":"temprano","status":"active"}}"#,
                    #"{"ocid":"o","id":"same","date":"2022-05-01","tender":{"status":"complete"}}"#,
                    #"{"ocid":"o","id":"undated","tender":{"title":"sin fecha","description":"d"}}"#,
                ]
            ),
            (
                "duplicate keys: the last wins, as in the tree",
                [
                    #"{"ocid":"o","id":"r1","date":"2022-01-01","tender":{"title":"a","title":"b"},"buyer":{"id":"1"},"buyer":{"name":"n"}}"#,
                    #"{"ocid":"o","date":"2022-01-02","tender":{"status":"active"}}"#,
                ]
            ),
            (
                "captured quantities merge field by field",
                [
                    #"{"ocid":"o","date":"2022-01-01","tender":{"items":[{"id":"1","quantity":{"source":"100.0"}}]}}"#,
                    #"{"ocid":"o","date":"2022-01-02","tender":{"items":[{"id":"1","quantity":{"parsedValue":7}}]}}"#,
                ]
            ),
            (
                "a captured quantity replaced by a number",
                [
                    #"{"ocid":"o","date":"2022-01-01","tender":{"items":[{"id":"1","quantity":{"source":"x","parsedValue":3}}]}}"#,
                    #"{"ocid":"o","date":"2022-01-02","tender":{"items":[{"id":"1","quantity":"12.5"}]}}"#,
                ]
            ),
            (
                "the compiled id comes from the merged ocid and date, numbers and booleans included",
                [#"{"ocid":5,"id":"r1","date":"2022-01-01"}"#, #"{"ocid":true,"date":"2022-01-02"}"#]
            ),
            (
                "amounts and ids written as text and booleans",
                [
                    #"{"ocid":"o","date":"2022-01-01","awards":[{"id":"a","value":{"amount":" 17940.00","currency":"GTQ"},"statusDetails":true}]}"#,
                    #"{"ocid":"o","date":"2022-01-02","contracts":[{"id":"c","awardID":12,"value":{"amount":1.5}}]}"#,
                ]
            ),
            (
                "escapes in ids and texts",
                [
                    #"{"ocid":"o","date":"2022-01-01","parties":[{"id":"Ni\u00f1o","name":"\"A\" \/ \ud83d\ude00"}]}"#,
                    #"{"ocid":"o","date":"2022-01-02","parties":[{"id":"Niño","roles":["x"]}]}"#,
                ]
            ),
            (
                "bids merge by id inside the bids object",
                [
                    #"{"ocid":"o","date":"2022-01-01","bids":{"details":[{"id":"b1","value":{"amount":0.0}}],"statistics":[{"id":"s"}]}}"#,
                    #"{"ocid":"o","date":"2022-01-02","bids":{"details":[{"id":"b2","tenderers":[{"id":"t"}]},{"id":"b1","status":"valid"}]}}"#,
                ]
            ),
        ])
    func sameAsTrees(_ name: String, releases: [String]) {
        let compiled = Self.compiledBothWays(releases)
        #expect(compiled.trees != nil, "\(name): the trees compile")
        #expect(compiled.tapes == compiled.trees, "\(name)")
    }

    @Test(
        "declines what the compiled tree's readers reject",
        arguments: [
            ("tender ends as a list", [first, #"{"date":"2022-04-01","tender":[{"id":"x"}]}"#]),
            (
                "an amount that is not a number",
                [first, #"{"date":"2022-04-01","awards":[{"id":"a","value":{"amount":"abc"}}]}"#]
            ),
            ("a role that is a number", [first, #"{"date":"2022-04-01","parties":[{"id":"GT-CISP-1","roles":[1]}]}"#]),
            (
                "a unit name that is a list",
                [
                    #"{"ocid":"o","date":"2022-01-01","tender":{"items":[{"id":"1","unit":{"name":["x"]}}]}}"#,
                    #"{"date":"2022-01-02"}"#,
                ]
            ),
            ("a date that is a number", [#"{"ocid":"o"}"#, #"{"date":20220102}"#]),
            ("a party that is null in a replaced array", [first, #"{"date":"2022-04-01","parties":[null]}"#]),
        ])
    func declinesRejected(_ name: String, releases: [String]) {
        let compiled = Self.compiledBothWays(releases)
        #expect(compiled.trees == nil, "\(name): the trees are rejected")
        #expect(compiled.tapes == nil, "\(name)")
    }

    @Test("releases the tree parser might refuse are left to it: deep nesting, exponents, escapes of NUL")
    func unsureReleasesDecline() throws {
        let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        for text in [#"{"ocid":"o","x":\#(deep)}"#, #"{"ocid":"o","x":1e5}"#, #"{"ocid":"o","x":"a\u0000"}"#] {
            let declined =
                (try? JSONTapeObject(Data(text.utf8))).map { !$0.parsesAsTree(maxDepth: 64) } ?? true
            #expect(declined, "\(text.prefix(30))")
        }
        let plain = try JSONTapeObject(Data(#"{"ocid":"o","x":[[1.5]]}"#.utf8))
        #expect(plain.parsesAsTree(maxDepth: 3) && !plain.parsesAsTree(maxDepth: 2))
    }

    @Test("Guatecompras' releases, paired with later releases that change them, compile the same from tapes")
    func realReleases() throws {
        let later = [
            #"{"date":"2030-01-01T00:00:00-06:00","tag":["award"],"tender":{"statusDetails":"Adjudicado","title":null},"awards":[{"id":"GT-ADJ-1","status":"active","value":{"amount":1234.56,"currency":"GTQ"},"suppliers":[{"id":"GT-NIT-1","name":"P"}]}]}"#,
            #"{"date":"2030-01-01T00:00:00-06:00","parties":[{"id":"GT-NIT-1","name":"P","roles":["supplier"]}],"buyer":null}"#,
            #"{"date":"2030-01-01T00:00:00-06:00","tender":{"items":[{"id":"nuevo","description":"otro"}]},"parties":[]}"#,
        ]
        var compared = 0
        for name in ["release", "release-example", "release-compra-directa-vigente", "realase-search"] {
            let document = try JSONValue.parse(Data(contentsOf: FixtureFile.url("guatecompras/\(name).json")))
            var releases = [document]
            if case .array(let packaged)? = document["releases"] { releases = packaged }
            for release in releases {
                guard case .object = release else { continue }
                let text = String(decoding: release.jsonData(), as: UTF8.self)
                for change in later {
                    let compiled = Self.compiledBothWays([text, change])
                    #expect(compiled.trees != nil, "\(name)")
                    #expect(compiled.tapes == compiled.trees, "\(name): \(change.prefix(60))")
                    compared += 1
                }
            }
        }
        #expect(compared >= 12)
    }

    @Test("seeded random release groups compile the same from tapes, or the tapes decline when the trees fail")
    func randomGroups() {
        var generator = RandomReleases(seed: 16)
        var answered = 0
        var rejected = 0
        var declined = 0
        for round in 0..<600 {
            let releases = (0..<generator.int(2...4)).map { _ in generator.release() }
            let compiled = Self.compiledBothWays(releases)
            if compiled.trees == nil { rejected += 1 } else if compiled.tapes == nil { declined += 1 }
            if let tapes = compiled.tapes {
                answered += 1
                #expect(tapes == compiled.trees, "round \(round): \(releases)")
            }
        }
        // Not vacuous: most groups take the tapes' path, and some are rejected by the trees.
        #expect(answered > 300, "\(answered) answered, \(rejected) rejected, \(declined) declined")
        #expect(rejected > 10)
    }
}

/// Random OCDS-like releases over a small vocabulary, so members collide across releases: objects, arrays with
/// and without ids (repeated, numeric, missing), nulls, text where objects are expected and the reverse.
struct RandomReleases {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    /// One time in two hundred: something wrong, rare enough that most groups still compile.
    mutating func rarely() -> Bool { int(1...200) == 1 }
    mutating func pick<T>(_ choices: [T]) -> T { choices[int(0...(choices.count - 1))] }

    mutating func release() -> String {
        var members: [String] = []
        if chance(80) { members.append(#""ocid":"# + pick([#""ocds-1""#, #""ocds-1""#, "null", "7"])) }
        if chance(70) { members.append(#""id":"# + pick([#""r1""#, #""r2""#, "3", "null"])) }
        if chance(85) {
            members.append(
                #""date":"#
                    + pick([#""2022-01-01""#, #""2022-02-01T10:00:00-06:00""#, #""2022-02-01""#, "null", #""x""#]))
        }
        if chance(30) { members.append(#""tag":"# + pick([#"["tender"]"#, "[]", "null"])) }
        if chance(60) { members.append(#""parties":"# + array(of: { $0.party() })) }
        if chance(40) { members.append(#""buyer":"# + reference()) }
        if chance(70) { members.append(#""tender":"# + tender()) }
        if chance(30) { members.append(#""bids":"# + object(["details": { $0.array(of: { $0.bid() }) }])) }
        if chance(50) { members.append(#""awards":"# + array(of: { $0.award() })) }
        if chance(30) { members.append(#""contracts":"# + array(of: { $0.contract() })) }
        if chance(20) { members.append(#""extra":{"a":[1,{"id":"x"}]}"#) }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A value where text is expected: usually text, sometimes a number, boolean, null or something wrong.
    mutating func text() -> String {
        if !rarely() { return pick([#""a""#, #""b""#, #""Ñandú \"x\"""#, "12", "1.50", "true", "null"]) }
        return pick(["{}", "[]", #"["a"]"#, #"{"id":"1"}"#])
    }

    /// A value where a string is expected (statuses, dates): usually a string, sometimes null or something wrong.
    mutating func plain() -> String {
        if !rarely() { return pick([#""a""#, #""2022-01-01""#, #""Ñandú \"x\"""#, "null"]) }
        return pick(["12", "true", "{}", #"["a"]"#])
    }

    mutating func amount() -> String {
        if !rarely() { return pick(["1", "89500.50", "0.0", #"" 17940.00""#, "null"]) }
        return pick([#""abc""#, "true", "[]"])
    }

    mutating func object(_ fields: [String: (inout RandomReleases) -> String]) -> String {
        if chance(4) { return ["null", "null", "null", #""texto""#, "[]"][int(0...(rarely() ? 4 : 2))] }
        var members: [String] = []
        for key in fields.keys.sorted() where chance(60) {
            guard let make = fields[key] else { continue }
            members.append("\"\(key)\":" + make(&self))
        }
        if chance(10), let key = fields.keys.sorted().first, let make = fields[key] {
            members.append("\"\(key)\":" + make(&self))
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// An array of objects: usually each with an id from a small set (so ids repeat), sometimes one without.
    mutating func array(of element: (inout RandomReleases) -> String) -> String {
        if chance(6) { return ["null", "[]", #""x""#, #"[{"id":"1"},"x"]"#][int(0...(rarely() ? 3 : 1))] }
        var elements: [String] = []
        for _ in 0..<int(1...3) {
            var text = element(&self)
            if !text.hasPrefix("{"), !rarely() { text = "{}" }
            if text.hasPrefix("{"), !chance(10) {
                let id = pick([#""1""#, #""2""#, "1", "2.0", #""3""#, "true"])
                text = "{\"id\":\(id)" + (text == "{}" ? "}" : "," + text.dropFirst())
            }
            elements.append(text)
        }
        return "[" + elements.joined(separator: ",") + "]"
    }

    mutating func reference() -> String { object(["id": { $0.text() }, "name": { $0.text() }]) }
    mutating func value() -> String {
        object(["amount": { $0.amount() }, "currency": { $0.pick([#""GTQ""#, "null", #""USD""#]) }])
    }
    mutating func period() -> String { object(["startDate": { $0.plain() }, "endDate": { $0.plain() }]) }

    mutating func party() -> String {
        object([
            "name": { $0.text() },
            "roles": { $0.pick([#"["buyer"]"#, #"["supplier","payer"]"#, "[]", "null", #"["x"]"#]) },
            "identifier": { $0.object(["scheme": { $0.text() }, "id": { $0.text() }]) },
            "memberOf": { $0.array(of: { $0.reference() }) }, "address": { _ in #"{"region":"x"}"# },
        ])
    }

    mutating func item() -> String {
        object([
            "description": { $0.text() }, "unit": { $0.object(["name": { $0.plain() }]) },
            "classification": { $0.object(["scheme": { $0.text() }, "id": { $0.text() }]) },
            "quantity": {
                $0.chance(30)
                    ? $0.object([
                        "source": { $0.rarely() ? "5" : $0.pick([#""100.0""#, #""x""#, "null"]) },
                        "parsedValue": { $0.amount() },
                    ])
                    : $0.amount()
            },
        ])
    }

    mutating func tender() -> String {
        object([
            "id": { $0.text() }, "title": { $0.text() }, "status": { $0.plain() }, "statusDetails": { $0.text() },
            "procurementMethodDetails": { $0.text() }, "tenderPeriod": { $0.period() },
            "items": { $0.array(of: { $0.item() }) }, "procuringEntity": { $0.reference() },
        ])
    }

    mutating func bid() -> String {
        object([
            "date": { $0.plain() }, "status": { $0.plain() }, "value": { $0.value() },
            "tenderers": { $0.array(of: { $0.reference() }) },
        ])
    }

    mutating func award() -> String {
        object([
            "status": { $0.plain() }, "date": { $0.plain() }, "value": { $0.value() },
            "suppliers": { $0.array(of: { $0.reference() }) },
        ])
    }

    mutating func contract() -> String {
        object([
            "awardID": { $0.text() }, "title": { $0.text() }, "dateSigned": { $0.plain() }, "period": { $0.period() },
            "value": { $0.value() },
        ])
    }
}
