import Foundation
import Testing

@testable import Formats

/// The tape decoder is a fast path in front of `JSONDecoder`: whenever it answers, the answer must be the one
/// `JSONDecoder` gives for the same bytes; whenever `JSONDecoder` fails, it must fail too (the caller then asks
/// `JSONDecoder`, whose error is the one reported).
struct JSONTapeDecoderTests {
    typealias Money = JSONDecoderFixtures.Money

    struct Party: Decodable, Equatable {
        var id: String?
        var roles: [String]?
        var value: Money?
        var active: Bool?
    }

    typealias Release = JSONDecoderFixtures.Release<Party>

    /// A field read as text or, failing that, as a number's text: the pattern of the OCDS importer's lenient
    /// fields, whose `try?` must not hide a declined step.
    struct Lenient: Decodable, Equatable {
        var id: String?
        enum CodingKeys: String, CodingKey { case id }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            do {
                id = try container.decodeIfPresent(String.self, forKey: .id)
                return
            } catch DecodingError.typeMismatch {}
            if let number = try? container.decode(Int.self, forKey: .id) {
                id = "int \(number)"
            } else if let number = try? container.decode(Decimal.self, forKey: .id) {
                id = "\(number)"
            } else {
                id = nil
            }
        }
    }

    func decoded<T: Decodable>(_ type: T.Type, _ text: String) -> (T?, T?) {
        let data = Data(text.utf8)
        return (try? JSONDecoder().decode(type, from: data), try? JSONTapeDecoder().decode(type, from: data))
    }

    @Test("values decode as JSONDecoder decodes them: decimals exact, null as absent, skipped fields of any kind")
    func values() throws {
        let text = """
             {"ocid":"ocds-xqjsxa-123","tag":["award"],"parties":[{"id":"7","roles":["buyer","payer"],
            "value":{"amount":123456789.129,"currency":"GTQ"},"active":true,"extra":{"x":[1,null,-0.5e-3,"\\u00e9"]}},
            {"id":null,"value":{"amount":1.50}},{"id":"Ni\\u00f1o \\"A\\" \\/ \\ud83d\\ude00"}]} 
            """
        let (expected, actual) = decoded(Release.self, text)
        let release = try #require(expected)
        #expect(actual == release)
        #expect(release.parties?.first?.value?.amount == Decimal(string: "123456789.129"))
        #expect(actual?.parties?.last?.id == "Niño \"A\" / 😀")
    }

    @Test("the first of duplicate keys wins, as in JSONDecoder")
    func duplicateKeys() throws {
        let (expected, actual) = decoded(Release.self, #"{"ocid":"primero","ocid":"segundo"}"#)
        #expect(expected?.ocid == "primero")
        #expect(actual == expected)
    }

    @Test(
        "whatever JSONDecoder rejects, the tape decoder rejects too",
        arguments: [
            #"{"ocid":01}"#, #"{"ocid":"x","tag":[1.]}"#, #"{"ocid":"x"} x"#, #"{"ocid":"x""#, #"{"ocid":tru}"#,
            #"{"ocid":5}"#, #"{"ocid":null}"#, #"{"parties":[]}"#, #"{"ocid":"x","parties":{"id":"1"}}"#,
            #"{"ocid":"x","parties":[{"roles":["a",3]}]}"#, #"{"ocid":"x","parties":[{"active":1}]}"#,
            #"{"ocid":"x","parties":[{"value":{"amount":"12.5"}}]}"#, #"[1,2]"#, "{\"ocid\":\"a\u{1}b\"}",
            #"{"ocid":"\ud800"}"#, #"{"ocid":"\q"}"#,
        ])
    func rejections(text: String) {
        let (expected, actual) = decoded(Release.self, text)
        #expect(expected == nil)
        #expect(actual == nil)
    }

    @Test(
        "what JSONDecoder lets pass in fields it never reads (bad escapes, numbers, a trailing comma) is declined",
        arguments: [
            #"{"ocid":"x","n":1e}"#, #"{"ocid":"x","n":-.5}"#, #"{"ocid":"x","n":0.1e-400}"#,
            #"{"ocid":"x","s":"\ud800"}"#, #"{"ocid":"x","s":"\udc00x"}"#, #"{"ocid":"x","s":"\q"}"#,
            #"{"ocid":"x",}"#,
        ])
    func laxElsewhere(text: String) {
        // The importer then asks JSONDecoder, whatever it answers: the tape decoder must only not answer itself.
        let (_, actual) = decoded(Release.self, text)
        #expect(actual == nil)
    }

    @Test(
        "a step it does not take (binary integers) declines the whole value even when the type's code catches it",
        arguments: [(#"{"id":12}"#, true), (#"{"id":1.5}"#, true), (#"{"id":"12"}"#, false), (#"{"x":1}"#, false)])
    func declinedInsideTry(text: String, declines: Bool) throws {
        let (expected, actual) = decoded(Lenient.self, text)
        let value = try #require(expected)
        if declines {
            #expect(actual == nil)
        } else {
            #expect(actual == value)
        }
    }

    struct Labels: Decodable {
        var labels: [String: String]?
    }

    @Test("dictionaries, whose keys JSONDecoder lists in no set order, are declined")
    func dictionaries() throws {
        let (expected, actual) = decoded(Labels.self, #"{"labels":{"es":"hola","en":"hello"}}"#)
        #expect(expected?.labels?["es"] == "hola")
        #expect(actual == nil)
    }
}
