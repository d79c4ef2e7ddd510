import Foundation

/// What `transparencia publish` is asked to build: the LAIP portal of one institution for a year (and month).
public struct PortalRequest: Sendable {
    /// The institution, year and month; the year must be resolved (the scope's or the profile's).
    public var scope: DatasetScope
    /// The site's folder (created when missing). The data goes into `datos/`; a previous publication there is
    /// what the `cambios` page compares with.
    public var directory: URL
    /// The publication's date (pages and data descriptors).
    public var created: Date
    /// The tool's version, written in every page's footer.
    public var toolVersion: String

    public init(scope: DatasetScope, directory: URL, created: Date = Date(), toolVersion: String) {
        self.scope = scope
        self.directory = directory
        self.created = created
        self.toolVersion = toolVersion
    }
}
