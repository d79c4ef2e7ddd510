import Domain

/// What reading one saved NOG page produced.
public struct NOGPageImport: Sendable {
    /// The page's file name.
    public var fileName: String
    /// The procurement the page describes; `awards` is empty when ``awardsKnown`` is false.
    public var procurement: Procurement
    /// Which generation of markup the page uses.
    public var generation: NOGPageGeneration
    /// The encoding the page was read as.
    public var encoding: String
    /// False when the saved page lacks the awards section: suppliers are unknown, not none.
    public var awardsKnown: Bool
    /// Bidders listed in the bids table (not suppliers), for the summary.
    public var bidderCount: Int
    /// Warnings (e.g. suppliers unknown, modality not in the catalog).
    public var diagnostics: [Diagnostic]
}
