import Foundation

/// What one import said a NOG's awarded total was: the ledger keeps each state a re-import replaced, so two
/// sources that disagree on the same NOG can be told apart.
public struct SourcedAwardedTotal: Hashable, Sendable {
    public var nog: String
    public var importRunID: Int64
    /// The import's kind (`ocds`, `compras`, `nog-html`) and file.
    public var sourceKind: String
    public var fileName: String
    /// Nil when that import gave no award amount.
    public var awardedTotal: Money?

    public init(nog: String, importRunID: Int64, sourceKind: String, fileName: String, awardedTotal: Money?) {
        self.nog = nog
        self.importRunID = importRunID
        self.sourceKind = sourceKind
        self.fileName = fileName
        self.awardedTotal = awardedTotal
    }
}
