import Foundation

/// What `publish` wrote.
public struct PortalSummary: Sendable {
    /// Every page written, as paths from the site's folder (`index.html`, `nog/16299514.html`).
    public var pages: [String]
    /// Data files written (the exporter's tables in both profiles and the pages' own tables).
    public var dataFiles: Int
    /// Changes since the previous publication in the same folder; nil on a first publication.
    public var changes: Int?
    /// The site's folder.
    public var directory: URL

    /// The index page.
    public var index: URL { directory.appendingPathComponent("index.html") }
}
