import Domain
import Foundation
import GRDB

/// A party of a procurement (table `procurement_party`): buyer entity and unit, suppliers, tenderers.
struct ProcurementPartyRecord: ProcurementChildRow, Codable, Sendable, Hashable, FetchableRecord,
    MutablePersistableRecord
{
    var id: Int64?
    var procurementID: Int64
    var partyID: String
    var scheme: String?
    var identifier: String
    var name: String
    /// OCDS roles joined with commas (`tenderer,supplier`).
    var roles: String
    var memberOf: String?

    static let databaseTableName = "procurement_party"

    enum CodingKeys: String, CodingKey {
        case id, scheme, identifier, name, roles
        case procurementID = "procurement_id"
        case partyID = "party_id"
        case memberOf = "member_of"
    }

    enum Columns {
        static let procurementID = Column(CodingKeys.procurementID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The columns an import inserts, in the order ``bind(to:procurementID:texts:)`` binds them.
    static let insertColumns = ["procurement_id", "party_id", "scheme", "identifier", "name", "roles", "member_of"]

    /// Binds this row's values after those already bound, under `procurementID`, its texts kept in `texts`.
    func bind(to statement: inout BoundStatement, procurementID: Int64, texts: BoundTextArena) {
        statement.bind(procurementID)
        statement.bind(partyID, keptIn: texts)
        statement.bind(scheme, keptIn: texts)
        statement.bind(identifier, keptIn: texts)
        statement.bind(name, keptIn: texts)
        statement.bind(roles, keptIn: texts)
        statement.bind(memberOf, keptIn: texts)
    }

    init(_ party: Party, procurementID: Int64) {
        self.procurementID = procurementID
        self.partyID = party.id
        self.scheme = party.scheme?.rawValue
        self.identifier = party.identifier
        self.name = party.name
        self.roles = party.roles.joined(separator: ",")
        self.memberOf = party.memberOf
    }

    var party: Party {
        Party(
            id: partyID, scheme: scheme.flatMap(PartyScheme.init(rawValue:)), identifier: identifier, name: name,
            roles: roles.isEmpty ? [] : roles.components(separatedBy: ","), memberOf: memberOf)
    }
}
