import Domain
import Foundation

/// One linking pass asked of the pipeline.
public struct LinkingRequest: Sendable {
    /// The purchases to link (its year is the fiscal year linked).
    public var scope: ProcurementScope
    /// A rules file to use from now on (else the one stored by an earlier pass, if any).
    public var rulesFile: URL?
    /// A manual-links file to store (its rows replace earlier rows of the same file and of the same NOGs).
    public var manualFile: URL?
    /// Decide and count everything without keeping any change.
    public var dryRun: Bool
    /// Decide every purchase of the scope, even when nothing changed since the last pass.
    public var full: Bool

    public init(
        scope: ProcurementScope, rulesFile: URL? = nil, manualFile: URL? = nil, dryRun: Bool = false, full: Bool = false
    ) {
        self.scope = scope
        self.rulesFile = rulesFile
        self.manualFile = manualFile
        self.dryRun = dryRun
        self.full = full
    }

    /// The fiscal year linked.
    public var ejercicio: Int { scope.year }
}
