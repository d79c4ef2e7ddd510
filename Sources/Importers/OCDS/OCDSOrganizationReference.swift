import Foundation

/// A reference to a party (`buyer`, `suppliers[]`, `tenderers[]`): its id and name.
struct OCDSOrganizationReference: OCDSObject {
    var id: String?
    var name: String?

    enum CodingKeys: String, CodingKey { case id, name }

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        id = try fields.text(.id)
        name = try fields.text(.name)
    }
}
