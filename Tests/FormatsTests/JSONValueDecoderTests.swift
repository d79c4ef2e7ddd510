import Foundation
import Testing

@testable import Formats

/// The tree decoder must answer exactly as `JSONDecoder` does on the same JSON text: the OCDS importer decodes
/// compiled releases with it, and its rejects quote the error's type and path.
struct JSONValueDecoderTests {
    typealias Money = JSONDecoderFixtures.Money

    struct Party: Decodable, Equatable {
        var id: String?
        var roles: [String]?
        var value: Money?
        var count: Int?
        var active: Bool?
        var extra: JSONValue?
    }

    typealias Release = JSONDecoderFixtures.Release<Party>

    /// Decodes `text` both ways: with `JSONDecoder` from the text, and from the parsed tree.
    func both<T: Decodable>(_ type: T.Type, _ text: String) throws -> (
        Result<T, DecodingError>, Result<T, DecodingError>
    ) {
        let data = Data(text.utf8)
        let tree = try JSONValue.parse(data)
        func attempt(_ body: () throws -> T) -> Result<T, DecodingError> {
            do { return .success(try body()) } catch let error as DecodingError { return .failure(error) } catch {
                Issue.record("error inesperado \(error)")
                return .failure(.dataCorrupted(.init(codingPath: [], debugDescription: "")))
            }
        }
        return (
            attempt { try JSONDecoder().decode(type, from: data) },
            attempt { try JSONValueDecoder().decode(type, from: tree) }
        )
    }

    /// The parts of an error a reject message uses: case, expected type and the path as `a.b[2].c`.
    func shape(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .typeMismatch(let type, let context): return "typeMismatch \(type) \(path(context))"
        case .valueNotFound(let type, let context): return "valueNotFound \(type) \(path(context))"
        case .keyNotFound(let key, let context): return "keyNotFound \(key.stringValue) \(path(context))"
        case .dataCorrupted(let context): return "dataCorrupted \(path(context))"
        @unknown default: return "?"
        }
    }

    @Test("values decode the same as from the JSON text: decimals exact, null as absent, nested arrays and objects")
    func values() throws {
        let text = """
            {"ocid":"ocds-xqjsxa-123","tag":["award"],"parties":[{"id":"7","roles":["buyer","payer"],
            "value":{"amount":123456789.129,"currency":"GTQ"},"count":3,"active":true,"extra":{"x":[1,null]}},
            {"id":null,"value":{"amount":0.1}}]}
            """
        let (fromText, fromTree) = try both(Release.self, text)
        let expected = try fromText.get()
        #expect(try fromTree.get() == expected)
        #expect(expected.parties?.first?.value?.amount == Decimal(string: "123456789.129"))
    }

    @Test(
        "a wrong type fails with the same case, type and path as JSONDecoder",
        arguments: [
            #"{"ocid":5}"#,
            #"{"ocid":"x","parties":{"id":"1"}}"#,
            #"{"ocid":"x","parties":[{"id":"1"},"texto"]}"#,
            #"{"ocid":"x","parties":[{"roles":["a",3]}]}"#,
            #"{"ocid":"x","parties":[{"value":{"amount":"12.5"}}]}"#,
            #"{"ocid":"x","parties":[{"value":[1]}]}"#,
            #"{"ocid":"x","parties":[{"count":"3"}]}"#,
            #"{"ocid":"x","parties":[{"active":1}]}"#,
            #"{"parties":[]}"#,
            #"{"ocid":null}"#,
            #"{"ocid":"x","parties":[null]}"#,
            #"{"ocid":"x","tag":[null]}"#,
            #"{"ocid":"x","tag":["a"],"parties":[{"value":{"amount":null,"currency":5}}]}"#,
            #"[1,2]"#,
        ])
    func errors(text: String) throws {
        let (fromText, fromTree) = try both(Release.self, text)
        guard case .failure(let expected) = fromText else {
            Issue.record("JSONDecoder aceptó \(text)")
            return
        }
        guard case .failure(let actual) = fromTree else {
            Issue.record("el árbol aceptó \(text)")
            return
        }
        #expect(shape(actual) == shape(expected))
    }
}
