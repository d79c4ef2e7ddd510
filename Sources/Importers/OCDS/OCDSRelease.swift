import Foundation

/// An OCDS release (or compiled release), with the sections the ledger keeps; unknown fields are ignored.
struct OCDSRelease: OCDSObject {
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

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        ocid = try fields.text(.ocid)
        id = try fields.text(.id)
        date = try fields.string(.date)
        tag = try fields.strings(.tag)
        parties = try fields.objects(OCDSParty.self, .parties)
        buyer = try fields.object(OCDSOrganizationReference.self, .buyer)
        tender = try fields.object(OCDSTender.self, .tender)
        bids = try fields.object(OCDSBids.self, .bids)
        awards = try fields.objects(OCDSAward.self, .awards)
        contracts = try fields.objects(OCDSContract.self, .contracts)
    }
}
