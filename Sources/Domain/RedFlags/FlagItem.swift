import Foundation

/// An item line as the red-flag indicators read it: classification, description, quantity and unit.
public struct FlagItem: Hashable, Sendable {
    /// UNSPSC code as text (`50221101`), when given.
    public var classificationID: String?
    public var description: String
    public var quantity: Decimal?
    public var unitName: String?

    /// Creates an item.
    public init(classificationID: String?, description: String, quantity: Decimal? = nil, unitName: String? = nil) {
        self.classificationID = classificationID
        self.description = description
        self.quantity = quantity
        self.unitName = unitName
    }
}
