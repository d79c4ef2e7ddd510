import Foundation

/// An OCDS amount (`value`): an exact decimal and its currency.
struct OCDSValue: Decodable, Sendable {
    var amount: Decimal?
    var currency: String?

    enum CodingKeys: String, CodingKey { case amount, currency }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        amount = try container.lenientDecimal(.amount)
        currency = try container.lenientText(.currency)
    }
}
