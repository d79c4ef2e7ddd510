import Foundation

/// An OCDS record (`records[]`): its ocid, its releases (links or whole releases) and the compiled release.
struct OCDSRecord: OCDSObject {
    /// An entry of `releases[]`: a linked release (`url`, `date`, `tag`) or an embedded one (has `id`).
    struct ReleaseEntry: OCDSObject {
        var id: String?
        var url: String?
        var date: String?

        enum CodingKeys: String, CodingKey { case id, url, date }

        init(fields: some OCDSFieldReader<CodingKeys>) throws {
            id = try fields.text(.id)
            url = try fields.text(.url)
            date = try fields.string(.date)
        }

        /// The release id: its own, or the last path component of its URL (`…/release/GT-NOG-…-T…`).
        var releaseID: String? {
            if let id, !id.isEmpty { return id }
            guard let url, let last = url.split(separator: "/").last, !last.isEmpty else { return nil }
            return String(last)
        }
    }

    var ocid: String?
    var releases: [ReleaseEntry]?
    var compiledRelease: OCDSRelease?

    enum CodingKeys: String, CodingKey { case ocid, releases, compiledRelease }

    init(fields: some OCDSFieldReader<CodingKeys>) throws {
        ocid = try fields.string(.ocid)
        releases = try fields.objects(ReleaseEntry.self, .releases)
        compiledRelease = try fields.object(OCDSRelease.self, .compiledRelease)
    }
}
