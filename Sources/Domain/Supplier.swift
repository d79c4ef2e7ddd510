import Foundation

/// A supplier (or bidder) identified by NIT or by a Guatecompras id, with the name as published.
public struct Supplier: Hashable, Sendable, Codable {
    /// `GT-NIT` or `GT-GCID`; nil when the source gives an id in no known scheme (kept in ``identifier``).
    public var scheme: PartyScheme?
    /// The NIT (text: may end in `K`, leading zeros kept) or the GCID (`CO-0D13…`).
    public var identifier: String
    /// The name as published (natural persons come as `APELLIDO1,APELLIDO2,,NOMBRE1,NOMBRE2`).
    public var name: String

    /// Creates a supplier from its parts.
    public init(scheme: PartyScheme?, identifier: String, name: String) {
        self.scheme = scheme
        self.identifier = identifier
        self.name = name
    }

    /// A supplier from an OCDS party id such as `GT-NIT-7894880`; an id without a known prefix is kept whole.
    public init(partyID: String, name: String) {
        if let split = PartyScheme.split(partyID) {
            self.init(scheme: split.scheme, identifier: split.identifier, name: name)
        } else {
            self.init(scheme: nil, identifier: partyID, name: name)
        }
    }

    /// The NIT, when the supplier is identified by one.
    public var nit: String? { scheme == .nit ? identifier : nil }

    /// The OCDS party id (`GT-NIT-7894880`), or the bare identifier when the scheme is unknown.
    public var partyID: String { scheme.map { $0.partyID(identifier) } ?? identifier }

    /// The name made readable: person names written as comma slots (`DE LEON,MALDONADO,,CESAR,AUGUSTO`) become
    /// `CESAR AUGUSTO DE LEON MALDONADO`; other names are only trimmed and have their spaces collapsed.
    public var displayName: String {
        let slots = name.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        guard slots.count == 5 else { return name.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let given = slots[3...4].filter { !$0.isEmpty }
        let family = slots[0...2].filter { !$0.isEmpty }
        return (given + family).joined(separator: " ")
    }
}
