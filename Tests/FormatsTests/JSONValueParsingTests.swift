import Foundation
import Testing

@testable import Formats

struct JSONValueParsingTests {
    func parse(_ text: String, maxDepth: Int = 64) throws -> JSONValue {
        try JSONValue.parse(Data(text.utf8), maxDepth: maxDepth)
    }

    @Test(
        "numbers are exact decimals read from their text, never through Double",
        arguments: [
            ("123456789.129", "123456789.129"), ("17940.0", "17940"), ("-0.5", "-0.5"), ("1e3", "1000"),
            ("0.1", "0.1"), ("89500.50", "89500.5"),
        ])
    func numbers(text: String, expected: String) throws {
        guard case .number(let value) = try parse(text) else {
            Issue.record("no es número")
            return
        }
        #expect("\(value)" == expected)
    }

    @Test("strings decode every escape, surrogate pairs included")
    func strings() throws {
        let value = try parse(#"{"a":"Peñ\u00f3n \"x\" \\ \/ \n\t","b":"\ud83d\ude00","c":[true,false,null]}"#)
        #expect(value["a"] == .string("Peñón \"x\" \\ / \n\t"))
        #expect(value["b"] == .string("😀"))
        #expect(value["c"] == .array([.bool(true), .bool(false), .null]))
    }

    @Test(
        "broken JSON is an error with its offset",
        arguments: [
            (#"{"a":1,}"#, 7), (#"{"a" 1}"#, 5), (#"[1,2"#, 4), (#"{"a":"\udc81"}"#, 12), (#"{"a":"x"} y"#, 10),
            ("{\"a\":\"\u{01}\"}", 6), (#"{"a":tru}"#, 5), (#"{"a":01x}"#, 7),
        ])
    func errors(text: String, offset: Int) throws {
        do {
            _ = try parse(text)
            Issue.record("debía fallar: \(text)")
        } catch let FormatsError.jsonSyntax(_, at, _, detail) {
            #expect(at == Int64(offset), "\(text): \(detail)")
        }
    }

    @Test("nesting beyond the limit is refused")
    func depth() throws {
        #expect(throws: FormatsError.self) {
            _ = try parse(String(repeating: "[", count: 70) + String(repeating: "]", count: 70))
        }
        #expect(try parse(String(repeating: "[", count: 10) + String(repeating: "]", count: 10), maxDepth: 10) != .null)
    }

    @Test("serializing and parsing again gives the same tree, with sorted keys")
    func roundTrip() throws {
        let value = try parse(#"{"z":[1.25,{"b":"q\"\n\u0001","a":null}],"a":-3e2,"m":"ñ"}"#)
        let data = value.jsonData()
        #expect(String(decoding: data, as: UTF8.self) == #"{"a":-300,"m":"ñ","z":[1.25,{"a":null,"b":"q\"\n\u0001"}]}"#)
        #expect(try JSONValue.parse(data) == value)
    }
}

struct JSONTopLevelFieldsTests {
    @Test("finds top-level keys and wanted string values, ignoring nested ones and strings with brackets")
    func scan() throws {
        let text =
            #" {"tender":{"ocid":"no","x":["a{","}"]},"ocid":"ocds-xqjsxa-1\u0031","n":5,"releases":[{"ocid":"no"}]}"#
        let fields = try #require(JSONTopLevelFields.scan(Data(text.utf8), wanted: ["ocid"]))
        #expect(fields.keys == ["tender", "ocid", "n", "releases"])
        #expect(fields.strings == ["ocid": "ocds-xqjsxa-11"])
        #expect(JSONTopLevelFields.scan(Data("[1]".utf8), wanted: []) == nil)
        #expect(JSONTopLevelFields.scan(Data(#"{"a":"#.utf8), wanted: []) == nil)
    }
}
