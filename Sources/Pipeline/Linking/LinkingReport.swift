import Domain
import Foundation
import Linking

/// What one linking pass did: printed by the CLI, kept by tests.
public struct LinkingReport: Sendable {
    /// How the pass ended.
    public enum Outcome: Sendable, Hashable {
        /// Written and kept.
        case linked(LinkRun.Mode)
        /// A dry run: decided and counted; nothing kept.
        case simulated(LinkRun.Mode)
        /// Nothing changed since the last pass (no import, rules, manual links or products): nothing to do.
        case unchanged
    }

    public var ejercicio: Int
    /// `año 2022, unidades 436-2`.
    public var scope: String
    public var outcome: Outcome
    /// Purchases decided by this pass.
    public var examined = 0
    /// Of those, how many each method linked and for how much.
    public var examinedByMethod: [LinkMethod: LinkSummary.Tally] = [:]
    /// Of those, the ones left unlinked, with their reason.
    public var unlinked: [UnlinkedProcurement] = []
    /// Purchases whose links or reason were written (new or changed), unchanged, and removed (left the scope).
    public var written = 0
    public var unchangedCount = 0
    public var removed = 0
    /// The year as it stands after the pass (before it, for a dry run that changes nothing).
    public var summary = LinkSummary()
    /// The rules file used, and whether this pass stored it.
    public var rulesFile: String?
    public var rulesStored = false
    /// What each rule did, in file order (counts cover the purchases examined).
    public var rules: [RuleOutcome] = []
    public var conflicts: [RuleConflict] = []
    /// The manual-links file stored by this pass, its rows, and how many earlier rows they replaced (nil: the
    /// same rows were already stored).
    public var manualFile: String?
    public var manualRows = 0
    public var manualReplaced: Int?
    /// Warnings about the rules and manual links (a NOG not in the scope yet, shares that do not add up).
    public var diagnostics: [Diagnostic] = []
    public var seconds: Double = 0

    public init(ejercicio: Int, scope: String, outcome: Outcome) {
        self.ejercicio = ejercicio
        self.scope = scope
        self.outcome = outcome
    }
}
