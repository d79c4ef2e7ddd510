import Foundation

extension KeyedDecodingContainer {
    /// Text that some publishers write as a number (ids, codes): a string, or a number kept as its decimal text.
    /// `null` and a missing key are nil; any other type is a type mismatch (reported with its JSON path).
    func lenientText(_ key: Key) throws -> String? {
        // One lookup in the common case (a string, or absent); the fallbacks only run on a type mismatch.
        do {
            return try decodeIfPresent(String.self, forKey: key)
        } catch DecodingError.typeMismatch {}
        if let number = try? decode(Decimal.self, forKey: key) { return "\(number)" }
        if let flag = try? decode(Bool.self, forKey: key) { return flag ? "true" : "false" }
        throw DecodingError.typeMismatch(
            String.self, .init(codingPath: codingPath + [key], debugDescription: "se esperaba texto"))
    }

    /// A decimal number, also accepted as numeric text (`"17940.00"`); exact, never through `Double`.
    func lenientDecimal(_ key: Key) throws -> Decimal? {
        do {
            return try decodeIfPresent(Decimal.self, forKey: key)
        } catch DecodingError.typeMismatch {}
        guard let text = try? decode(String.self, forKey: key) else {
            throw DecodingError.typeMismatch(
                Decimal.self, .init(codingPath: codingPath + [key], debugDescription: "se esperaba un número"))
        }
        guard
            let number = Decimal(
                string: text.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX"))
        else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "«\(text)» no es un número")
        }
        return number
    }

    /// An optional value of a type, where `null` means absent.
    func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        try decodeIfPresent(type, forKey: key)
    }
}
