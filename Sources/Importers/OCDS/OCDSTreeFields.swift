import Formats
import Foundation

/// The fields of an OCDS object read straight from a compiled ``JSONValue`` tree: the values the tree's decoding
/// container gives, or ``JSONTapeError`` (declined) for anything it would reject, so the caller decodes the tree
/// with ``JSONValueDecoder`` and its errors, with their JSON paths, are the ones shown.
struct OCDSTreeFields<Key: CodingKey>: OCDSFieldReader {
    let members: [String: JSONValue]

    init(_ value: JSONValue) throws {
        guard case .object(let members) = value else { throw JSONTapeError(reason: "se esperaba un objeto") }
        self.members = members
    }

    /// The member under `key` unless it is missing or `null`.
    private func present(_ key: Key) -> JSONValue? {
        switch members[key.stringValue] {
        case nil, .null?: nil
        case let value?: value
        }
    }

    func text(_ key: Key) throws -> String? {
        switch present(key) {
        case nil: return nil
        case .string(let text)?: return text
        case .number(let number)?: return "\(number)"
        case .bool(let flag)?: return flag ? "true" : "false"
        default: throw JSONTapeError(reason: "se esperaba texto")
        }
    }

    func string(_ key: Key) throws -> String? {
        guard let value = present(key) else { return nil }
        return try Self.string(value)
    }

    func decimal(_ key: Key) throws -> Decimal? {
        switch present(key) {
        case nil: return nil
        case .number(let number)?: return number
        case .string(let text)?:
            guard let number = OCDSNumberText.decimal(text) else { throw JSONTapeError(reason: "no es un número") }
            return number
        default: throw JSONTapeError(reason: "se esperaba un número")
        }
    }

    func capturedDecimal(_ key: Key) throws -> Decimal? {
        guard case .object(let captured)? = present(key) else { return try decimal(key) }
        let source: String? =
            switch captured["source"] {
            case nil, .null?: nil
            case let value?: try Self.string(value)
            }
        let parsed: Decimal? =
            switch captured["parsedValue"] {
            case nil, .null?: nil
            case .number(let number)?: number
            default: throw JSONTapeError(reason: "se esperaba un número")
            }
        return source.flatMap(OCDSNumberText.capturedSource) ?? parsed
    }

    func strings(_ key: Key) throws -> [String]? {
        guard let value = present(key) else { return nil }
        return try Self.elements(value).map(Self.string)
    }

    func object<T: OCDSObject>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        return try T(fields: OCDSTreeFields<T.CodingKeys>(value))
    }

    func objects<T: OCDSObject>(_ type: T.Type, _ key: Key) throws -> [T]? {
        guard let value = present(key) else { return nil }
        return try Self.elements(value).map { try T(fields: OCDSTreeFields<T.CodingKeys>($0)) }
    }

    private static func string(_ value: JSONValue) throws -> String {
        guard case .string(let text) = value else { throw JSONTapeError(reason: "se esperaba texto") }
        return text
    }

    private static func elements(_ value: JSONValue) throws -> [JSONValue] {
        guard case .array(let elements) = value else { throw JSONTapeError(reason: "se esperaba un arreglo") }
        return elements
    }
}
