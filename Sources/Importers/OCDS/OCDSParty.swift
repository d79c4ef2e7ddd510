import Foundation

/// An OCDS party (`parties[]`), with the fields the ledger keeps.
struct OCDSParty: OCDSObject {
    struct Identifier: OCDSObject {
        var scheme: String?
        var id: String?

        enum CodingKeys: String, CodingKey { case scheme, id }

        init(fields: some OCDSFieldReader<CodingKeys>) throws {
            scheme = try fields.text(.scheme)
            id = try fields.text(.id)
        }
    }

    var id: String?
    var name: String?
    var identifier: Identifier?
    var roles: [String]?
    var memberOf: [OCDSOrganizationReference]?

    enum CodingKeys: String, CodingKey { case id, name, identifier, roles, memberOf }

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        id = try fields.text(.id)
        name = try fields.text(.name)
        identifier = try fields.object(Identifier.self, .identifier)
        roles = try fields.strings(.roles)
        memberOf = try fields.objects(OCDSOrganizationReference.self, .memberOf)
    }
}
