import Foundation

/// An OCDS amount (`value`): an exact decimal and its currency.
struct OCDSValue: OCDSObject {
    var amount: Decimal?
    var currency: String?

    enum CodingKeys: String, CodingKey { case amount, currency }

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        amount = try fields.decimal(.amount)
        currency = try fields.text(.currency)
    }
}
