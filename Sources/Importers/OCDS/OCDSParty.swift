import Foundation

/// An OCDS party (`parties[]`), with the fields the ledger keeps.
struct OCDSParty: Decodable, Sendable {
    struct Identifier: Decodable, Sendable {
        var scheme: String?
        var id: String?

        enum CodingKeys: String, CodingKey { case scheme, id }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            scheme = try container.lenientText(.scheme)
            id = try container.lenientText(.id)
        }
    }

    var id: String?
    var name: String?
    var identifier: Identifier?
    var roles: [String]?
    var memberOf: [OCDSOrganizationReference]?

    enum CodingKeys: String, CodingKey { case id, name, identifier, roles, memberOf }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.lenientText(.id)
        name = try container.lenientText(.name)
        identifier = try container.optional(Identifier.self, .identifier)
        roles = try container.optional([String].self, .roles)
        memberOf = try container.optional([OCDSOrganizationReference].self, .memberOf)
    }
}
