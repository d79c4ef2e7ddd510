import Foundation

/// An OCDS record (`records[]`): its ocid, its releases (links or whole releases) and the compiled release.
struct OCDSRecord: Decodable, Sendable {
    /// An entry of `releases[]`: a linked release (`url`, `date`, `tag`) or an embedded one (has `id`).
    struct ReleaseEntry: Decodable, Sendable {
        var id: String?
        var url: String?
        var date: String?

        enum CodingKeys: String, CodingKey { case id, url, date }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.lenientText(.id)
            url = try container.lenientText(.url)
            date = try container.optional(String.self, .date)
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
}
