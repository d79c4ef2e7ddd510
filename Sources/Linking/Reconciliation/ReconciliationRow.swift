import Domain
import Foundation

/// One row of a reconciliation: a key's execution beside the purchases linked to it, or one of the lines that
/// are never hidden (purchases nothing linked, execution no purchase explains).
public struct ReconciliationRow: Hashable, Sendable {
    /// What the row is.
    public enum Kind: String, Hashable, Sendable {
        /// A key of the grouping (a product, group, renglón, month).
        case key = "clave"
        /// Amounts the grouping cannot place (execution outside every product, purchases linked without a
        /// renglón, devengado without months): kept so the rows add up to the imported totals.
        case withoutKey = "sin_clave"
        /// Purchases of the scope that no link covers (the part of a partially linked one too).
        case unlinkedPurchases = "compras_sin_vincular"
        /// Execution on budget lines (structure and renglón) that no linked purchase points at: a view of the
        /// same money as the key rows, not an addition to them.
        case executionWithoutPurchase = "ejecucion_sin_compra"
    }

    public var kind: Kind
    /// The key: product code, group, renglón, `01`…`12`; for the other kinds a short code of what they hold.
    public var key: String
    /// Execution added up; nil when the row holds only purchases.
    public var execution: ExecutionAmounts?
    /// True for month rows: only devengado can be placed in a month (vigente, comprometido and pagado cannot).
    public var devengadoOnly: Bool
    /// Distinct purchases (NOGs) with a part in the row.
    public var purchases: Int
    /// Awarded amount of those parts.
    public var awarded: Money
    /// Contracted amount of those parts (each purchase's contracts split like its award).
    public var contracted: Money

    public init(
        kind: Kind, key: String, execution: ExecutionAmounts? = nil, devengadoOnly: Bool = false, purchases: Int = 0,
        awarded: Money = .zero, contracted: Money = .zero
    ) {
        self.kind = kind
        self.key = key
        self.execution = execution
        self.devengadoOnly = devengadoOnly
        self.purchases = purchases
        self.awarded = awarded
        self.contracted = contracted
    }
}
