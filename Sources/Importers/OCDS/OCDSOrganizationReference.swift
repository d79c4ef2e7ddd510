import Foundation

/// A reference to a party (`buyer`, `suppliers[]`, `tenderers[]`): its id and name.
struct OCDSOrganizationReference: Decodable, Sendable {
    var id: String?
    var name: String?

    enum CodingKeys: String, CodingKey { case id, name }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.lenientText(.id)
        name = try container.lenientText(.name)
    }
}
