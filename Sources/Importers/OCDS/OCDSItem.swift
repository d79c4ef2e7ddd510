import Foundation

/// An OCDS item (`tender.items[]`).
struct OCDSItem: Decodable, Sendable {
    struct Classification: Decodable, Sendable {
        var scheme: String?
        var id: String?

        enum CodingKeys: String, CodingKey { case scheme, id }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            scheme = try container.lenientText(.scheme)
            id = try container.lenientText(.id)
        }
    }

    struct Unit: Decodable, Sendable {
        var name: String?
    }

    /// The browser-capture artifact `{"source": "100.0", "parsedValue": 100}` seen in some saved releases.
    private struct CapturedNumber: Decodable {
        var source: String?
        var parsedValue: Decimal?
    }

    var id: String?
    var description: String?
    var classification: Classification?
    var quantity: Decimal?
    var unit: Unit?

    enum CodingKeys: String, CodingKey { case id, description, classification, quantity, unit }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.lenientText(.id)
        description = try container.lenientText(.description)
        classification = try container.optional(Classification.self, .classification)
        unit = try container.optional(Unit.self, .unit)
        if let captured = try? container.decodeIfPresent(CapturedNumber.self, forKey: .quantity) {
            quantity =
                captured.source.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
                ?? captured.parsedValue
        } else {
            quantity = try container.lenientDecimal(.quantity)
        }
    }
}
