import Foundation

/// A purchase (NOG, and the award within it when the source names the supplier) linked to the product or
/// subproduct of a directorate it served, for one fiscal year.
///
/// A purchase may serve several products: its links' shares add up to 1 and their amounts to the awarded total,
/// split to the centavo by ``LargestRemainder``.
public struct ProcurementLink: Hashable, Sendable, Codable {
    public var ejercicio: Int
    public var nog: String
    /// The product's code in the year's metas.
    public var productCode: String
    /// The subproduct, when the source is that precise.
    public var subproductCode: String?
    /// The renglón the purchase was charged to, when known (evidence rows carry it; rules and manual links may).
    public var renglon: Renglon?
    /// The supplier (NIT or Guatecompras id) of the award within the NOG, when the source names it.
    public var supplierID: String?
    public var method: LinkMethod
    /// The part of the purchase this link covers.
    public var share: LinkShare
    /// The awarded amount this link covers.
    public var amount: Money
    public var provenance: LinkProvenance
    /// The import runs whose rows the link was computed from (procurement, evidence, metas), ascending.
    public var dependsOn: [Int64]
    public var note: String?

    public init(
        ejercicio: Int, nog: String, productCode: String, subproductCode: String? = nil, renglon: Renglon? = nil,
        supplierID: String? = nil, method: LinkMethod, share: LinkShare, amount: Money, provenance: LinkProvenance,
        dependsOn: [Int64] = [], note: String? = nil
    ) {
        self.ejercicio = ejercicio
        self.nog = nog
        self.productCode = productCode
        self.subproductCode = subproductCode
        self.renglon = renglon
        self.supplierID = supplierID
        self.method = method
        self.share = share
        self.amount = amount
        self.provenance = provenance
        self.dependsOn = dependsOn
        self.note = note
    }
}
