import Foundation

/// One row of a manual-links file: a person ties a NOG (or one of its awards) to a product. Manual links win
/// over evidence and rules and survive every re-linking.
///
/// A row gives a share, an amount, or neither (then it is the whole purchase and must be the NOG's only row).
public struct ManualLink: Hashable, Sendable, Codable {
    /// The fiscal year, when the file says; otherwise the year being linked.
    public var ejercicio: Int?
    public var nog: String
    public var productCode: String
    public var subproductCode: String?
    public var renglon: Renglon?
    /// The award's supplier (NIT or Guatecompras id), when the row is about one award of the NOG.
    public var supplierID: String?
    public var share: LinkShare?
    public var amount: Money?
    public var note: String?
    /// The file and 1-based line the row came from.
    public var file: String
    public var line: Int

    public init(
        ejercicio: Int? = nil, nog: String, productCode: String, subproductCode: String? = nil, renglon: Renglon? = nil,
        supplierID: String? = nil, share: LinkShare? = nil, amount: Money? = nil, note: String? = nil, file: String,
        line: Int
    ) {
        self.ejercicio = ejercicio
        self.nog = nog
        self.productCode = productCode
        self.subproductCode = subproductCode
        self.renglon = renglon
        self.supplierID = supplierID
        self.share = share
        self.amount = amount
        self.note = note
        self.file = file
        self.line = line
    }
}
