import Foundation

/// A line of what is being bought (OCDS `tender.items[]`).
public struct ProcurementItem: Hashable, Sendable, Codable {
    /// The published item id.
    public var id: String?
    /// What the item is, as plain text.
    public var description: String
    /// Classification scheme (`UNSPSC` in Guatecompras).
    public var classificationScheme: String?
    /// Classification code as text (`81101513`).
    public var classificationID: String?
    /// Quantity as an exact decimal (the feed writes `100.0`).
    public var quantity: Decimal?
    /// Unit of measure as free text (`Unidad`, `Metro Cuadrado`).
    public var unitName: String?

    /// Creates an item.
    public init(
        id: String? = nil, description: String, classificationScheme: String? = nil,
        classificationID: String? = nil, quantity: Decimal? = nil, unitName: String? = nil
    ) {
        self.id = id
        self.description = description
        self.classificationScheme = classificationScheme
        self.classificationID = classificationID
        self.quantity = quantity
        self.unitName = unitName
    }
}
