import Foundation

extension KeyedDecodingContainer: OCDSFieldReader {
    /// A string, or a number kept as its decimal text, or a boolean as `true`/`false`; any other type is a type
    /// mismatch (reported with its JSON path).
    func text(_ key: Key) throws -> String? {
        // One lookup in the common case (a string, or absent); the fallbacks only run on a type mismatch.
        do {
            return try decodeIfPresent(String.self, forKey: key)
        } catch DecodingError.typeMismatch {}
        if let number = try? decode(Decimal.self, forKey: key) { return "\(number)" }
        if let flag = try? decode(Bool.self, forKey: key) { return flag ? "true" : "false" }
        throw DecodingError.typeMismatch(
            String.self, .init(codingPath: codingPath + [key], debugDescription: "se esperaba texto"))
    }

    func string(_ key: Key) throws -> String? { try decodeIfPresent(String.self, forKey: key) }

    func decimal(_ key: Key) throws -> Decimal? {
        do {
            return try decodeIfPresent(Decimal.self, forKey: key)
        } catch DecodingError.typeMismatch {}
        guard let text = try? decode(String.self, forKey: key) else {
            throw DecodingError.typeMismatch(
                Decimal.self, .init(codingPath: codingPath + [key], debugDescription: "se esperaba un número"))
        }
        guard let number = OCDSNumberText.decimal(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "«\(text)» no es un número")
        }
        return number
    }

    func capturedDecimal(_ key: Key) throws -> Decimal? {
        if let captured = try? decodeIfPresent(CapturedNumber.self, forKey: key) {
            return captured.source.flatMap(OCDSNumberText.capturedSource) ?? captured.parsedValue
        }
        return try decimal(key)
    }

    func strings(_ key: Key) throws -> [String]? { try decodeIfPresent([String].self, forKey: key) }

    func object<T: OCDSObject>(_ type: T.Type, _ key: Key) throws -> T? { try decodeIfPresent(type, forKey: key) }

    func objects<T: OCDSObject>(_ type: T.Type, _ key: Key) throws -> [T]? {
        try decodeIfPresent([T].self, forKey: key)
    }
}

/// The browser-capture artifact `{"source": "100.0", "parsedValue": 100}` seen in some saved releases.
private struct CapturedNumber: Decodable {
    var source: String?
    var parsedValue: Decimal?
}
