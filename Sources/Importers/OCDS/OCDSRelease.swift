import Foundation

/// An OCDS release (or compiled release), with the sections the ledger keeps; unknown fields are ignored.
struct OCDSRelease: Decodable, Sendable {
    var ocid: String?
    var id: String?
    var date: String?
    var tag: [String]?
    var parties: [OCDSParty]?
    var buyer: OCDSOrganizationReference?
    var tender: OCDSTender?
    var bids: OCDSBids?
    var awards: [OCDSAward]?
    var contracts: [OCDSContract]?

    enum CodingKeys: String, CodingKey { case ocid, id, date, tag, parties, buyer, tender, bids, awards, contracts }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ocid = try container.lenientText(.ocid)
        id = try container.lenientText(.id)
        date = try container.optional(String.self, .date)
        tag = try container.optional([String].self, .tag)
        parties = try container.optional([OCDSParty].self, .parties)
        buyer = try container.optional(OCDSOrganizationReference.self, .buyer)
        tender = try container.optional(OCDSTender.self, .tender)
        bids = try container.optional(OCDSBids.self, .bids)
        awards = try container.optional([OCDSAward].self, .awards)
        contracts = try container.optional([OCDSContract].self, .contracts)
    }
}
