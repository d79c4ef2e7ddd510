import Formats
import Foundation

/// The fields of an OCDS object read straight from a ``JSONTapeObject``: the values the decoding container gives
/// for the same bytes, or ``JSONTapeError`` (declined) for anything a container would reject or read another way,
/// so the caller decodes the element with `JSONDecoder` and its errors are the ones shown.
struct OCDSTapeFields<Key: CodingKey>: OCDSFieldReader {
    let object: JSONTapeObject

    /// The member under `key` unless it is missing or `null`.
    private func present(_ key: Key) -> JSONTapeValue? {
        guard let value = object.member(key.stringValue), value.kind != .null else { return nil }
        return value
    }

    func text(_ key: Key) throws -> String? {
        guard let value = present(key) else { return nil }
        switch value.kind {
        case .number: return "\(try value.decimal())"
        case .bool: return try value.bool() ? "true" : "false"
        default: return try value.string()
        }
    }

    func string(_ key: Key) throws -> String? { try present(key)?.string() }

    func decimal(_ key: Key) throws -> Decimal? {
        guard let value = present(key) else { return nil }
        guard value.kind == .string else { return try value.decimal() }
        guard let number = OCDSNumberText.decimal(try value.string()) else {
            throw JSONTapeError(reason: "texto que no es un número")
        }
        return number
    }

    func capturedDecimal(_ key: Key) throws -> Decimal? {
        guard let value = present(key), value.kind == .object else { return try decimal(key) }
        let captured = try value.object()
        let source = try captured.member("source").flatMap { $0.kind == .null ? nil : try $0.string() }
        let parsed = try captured.member("parsedValue").flatMap { $0.kind == .null ? nil : try $0.decimal() }
        return source.flatMap(OCDSNumberText.capturedSource) ?? parsed
    }

    func strings(_ key: Key) throws -> [String]? {
        try present(key)?.elements().map { try $0.string() }
    }

    func object<T: OCDSObject>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let value = present(key) else { return nil }
        return try T(fields: OCDSTapeFields<T.CodingKeys>(object: value.object()))
    }

    func objects<T: OCDSObject>(_ type: T.Type, _ key: Key) throws -> [T]? {
        try present(key)?.elements().map { try T(fields: OCDSTapeFields<T.CodingKeys>(object: $0.object())) }
    }
}
