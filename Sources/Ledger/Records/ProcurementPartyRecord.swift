import Domain
import Foundation
import GRDB

/// A party of a procurement (table `procurement_party`): buyer entity and unit, suppliers, tenderers.
struct ProcurementPartyRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
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

    /// The cached `INSERT` used on the import's hot path (see `ProcurementSink.insertChildren`).
    static func insertStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(
            sql: """
                INSERT INTO procurement_party (
                    procurement_id, party_id, scheme, identifier, name, roles, member_of
                ) VALUES (
                    ?, ?, ?, ?, ?, ?, ?
                )
                """)
    }

    /// Binds the values of ``insertStatement(_:)``, in its column order.
    func bind(to statement: inout BoundStatement) {
        statement.bind(procurementID)
        statement.bind(partyID)
        statement.bind(scheme)
        statement.bind(identifier)
        statement.bind(name)
        statement.bind(roles)
        statement.bind(memberOf)
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
