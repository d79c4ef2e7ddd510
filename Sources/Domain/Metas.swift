import Foundation

/// The physical and financial goals of one import: products and their subproducts.
public struct Metas: Hashable, Sendable, Codable {
    public var products: [Product]
    public var subproducts: [Subproduct]

    public init(products: [Product] = [], subproducts: [Subproduct] = []) {
        self.products = products
        self.subproducts = subproducts
    }

    /// The directorates the products belong to, in order of first appearance.
    public var directorates: [Directorate] {
        var seen = Set<String>()
        return products.map(\.directorate).filter { seen.insert($0.code).inserted }
    }
}
