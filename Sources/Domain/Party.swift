import Foundation

/// An organization or person involved in a procurement (OCDS `parties[]`), as the ledger keeps it.
public struct Party: Hashable, Sendable, Codable {
    /// The party id as published (`GT-GCUC-436-2`, `GT-NIT-7894880`).
    public var id: String
    /// The identifier scheme, when it is one Guatecompras uses.
    public var scheme: PartyScheme?
    /// The identifier within the scheme (`436-2`, `7894880`), or the whole id when the scheme is unknown.
    public var identifier: String
    /// The name as published.
    public var name: String
    /// OCDS roles (`buyer`, `supplier`, `tenderer`, `procuringEntity`, `payer`).
    public var roles: [String]
    /// The id of the party this one belongs to (a buying unit's entity), from `memberOf[0].id`.
    public var memberOf: String?

    /// Creates a party; scheme and identifier default to the split of `id` by its known prefix.
    public init(
        id: String, scheme: PartyScheme? = nil, identifier: String? = nil, name: String, roles: [String] = [],
        memberOf: String? = nil
    ) {
        let split = PartyScheme.split(id)
        self.id = id
        self.scheme = scheme ?? split?.scheme
        self.identifier = identifier ?? split?.identifier ?? id
        self.name = name
        self.roles = roles
        self.memberOf = memberOf
    }
}
