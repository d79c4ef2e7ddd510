import Foundation

/// An OCDS item (`tender.items[]`).
struct OCDSItem: OCDSObject {
    struct Classification: OCDSObject {
        var scheme: String?
        var id: String?

        enum CodingKeys: String, CodingKey { case scheme, id }

        init(fields: some OCDSFieldReader<CodingKeys>) throws {
            scheme = try fields.text(.scheme)
            id = try fields.text(.id)
        }
    }

    struct Unit: OCDSObject {
        var name: String?

        enum CodingKeys: String, CodingKey { case name }

        init(fields: some OCDSFieldReader<CodingKeys>) throws {
            name = try fields.string(.name)
        }
    }

    var id: String?
    var description: String?
    var classification: Classification?
    var quantity: Decimal?
    var unit: Unit?

    enum CodingKeys: String, CodingKey { case id, description, classification, quantity, unit }

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        id = try fields.text(.id)
        description = try fields.text(.description)
        classification = try fields.object(Classification.self, .classification)
        unit = try fields.object(Unit.self, .unit)
        quantity = try fields.capturedDecimal(.quantity)
    }
}
