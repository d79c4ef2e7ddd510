import Foundation

/// One budget line of an execution file: its key, its amounts at the file's cut-off, the classifications it
/// carries and the names the file prints next to the codes.
public struct BudgetLine: Hashable, Sendable, Codable {
    public var key: BudgetKey
    public var amounts: ExecutionAmounts
    /// Functional and geographic classifications, when the file gives them.
    public var classification: BudgetClassification
    /// Names printed next to the codes (`entidad`, `programa`, `actividad`, `renglon`…), as repaired text.
    public var names: [String: String]
    /// 1-based line (CSV/XLSX row or JSON record index) in the source file.
    public var sourceLine: Int

    public init(
        key: BudgetKey, amounts: ExecutionAmounts, classification: BudgetClassification = .none,
        names: [String: String] = [:], sourceLine: Int
    ) {
        self.key = key
        self.amounts = amounts
        self.classification = classification
        self.names = names
        self.sourceLine = sourceLine
    }
}
