import Foundation

/// What `transparencia export ocds` is asked to write.
public struct OCDSExportRequest: Sendable {
    /// The package's shape.
    public enum Package: String, Sendable, CaseIterable {
        /// A record package: one record per NOG with its linked releases and its compiled release (the shape of
        /// Guatecompras' monthly files).
        case records
        /// A release package of the compiled releases (one per NOG): lib-cove-ocds validates it offline, which it
        /// cannot do for a record package (it fetches the versioned-release schema by URL).
        case releases
    }

    /// Which procurement: the year (and month) and the profile's buying units, as `compras`.
    public var scope: DatasetScope
    /// The record package to write.
    public var file: URL
    public var package: Package
    /// The package's `uri` (where it will be published); nil: a `urn:` naming the institution and year.
    public var uri: String?
    /// The package's `publishedDate`.
    public var created: Date
    /// Build and check everything, write nothing.
    public var dryRun: Bool

    public init(
        scope: DatasetScope, file: URL, package: Package = .records, uri: String? = nil, created: Date = Date(),
        dryRun: Bool = false
    ) {
        self.scope = scope
        self.package = package
        self.file = file
        self.uri = uri
        self.created = created
        self.dryRun = dryRun
    }
}
