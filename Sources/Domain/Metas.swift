import Foundation

/// The physical and financial goals of one import: products and their subproducts, and the executed goals
/// reported to a cut-off.
public struct Metas: Hashable, Sendable, Codable {
    public var products: [Product]
    public var subproducts: [Subproduct]
    /// Executed goals (one per code and cut-off month). Read from the ledger, at most one per code: the latest
    /// cut-off the reader asked for.
    public var executed: [ExecutedGoal]

    public init(products: [Product] = [], subproducts: [Subproduct] = [], executed: [ExecutedGoal] = []) {
        self.products = products
        self.subproducts = subproducts
        self.executed = executed
    }

    /// True when there is nothing to import or show.
    public var isEmpty: Bool { products.isEmpty && subproducts.isEmpty && executed.isEmpty }

    /// The directorates the products belong to, in order of first appearance.
    public var directorates: [Directorate] {
        var seen = Set<String>()
        return products.map(\.directorate).filter { seen.insert($0.code).inserted }
    }
}
