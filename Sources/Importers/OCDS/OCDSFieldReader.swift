import Foundation

/// How an OCDS type reads its fields, written once for both ways of reading: a decoding container (`JSONDecoder`,
/// trees of compiled releases, the tape decoder) and a tape object read directly (``OCDSTapeFields``), which
/// gives the same values in a fraction of the time or declines.
protocol OCDSFieldReader<Key> {
    associatedtype Key: CodingKey
    /// Text that some publishers write as a number or a boolean (ids, codes); `null` and a missing key are nil.
    func text(_ key: Key) throws -> String?
    /// A string; `null` and a missing key are nil.
    func string(_ key: Key) throws -> String?
    /// A decimal number, also accepted as numeric text (`"17940.00"`); exact, never through `Double`.
    func decimal(_ key: Key) throws -> Decimal?
    /// A decimal, or the browser-capture artifact `{"source": "100.0", "parsedValue": 100}` of some saved
    /// releases (`source` wins).
    func capturedDecimal(_ key: Key) throws -> Decimal?
    /// A list of strings.
    func strings(_ key: Key) throws -> [String]?
    /// An object of an OCDS type.
    func object<T: OCDSObject>(_ type: T.Type, _ key: Key) throws -> T?
    /// A list of objects of an OCDS type.
    func objects<T: OCDSObject>(_ type: T.Type, _ key: Key) throws -> [T]?
}

/// An OCDS type read through an ``OCDSFieldReader``; its `Decodable` conformance reads through a container.
protocol OCDSObject: Decodable, Sendable {
    associatedtype CodingKeys: CodingKey
    init(fields: some OCDSFieldReader<CodingKeys>) throws
}

extension OCDSObject {
    init(from decoder: any Decoder) throws {
        try self.init(fields: decoder.container(keyedBy: CodingKeys.self))
    }
}

/// Numeric text as the ledger reads it (`" 17940.00"`): trimmed of spaces, POSIX decimal point.
enum OCDSNumberText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    static func decimal(_ text: String) -> Decimal? {
        Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: posix)
    }

    static func capturedSource(_ text: String) -> Decimal? { Decimal(string: text, locale: posix) }
}
