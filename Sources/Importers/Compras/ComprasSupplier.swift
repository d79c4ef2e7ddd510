import Domain
import Foundation

/// Suppliers from the "NIT" / "NIT o país" cells of flat exports and NOG pages.
enum ComprasSupplier {
    /// A supplier identified by NIT when the cell holds one (digits, check digit possibly `K`, hyphens
    /// dropped). A country (`COLOMBIA`, written for a foreign supplier without a NIT) is never an identifier:
    /// that supplier has none, and is matched to OCDS' `GT-GCID-…` by name and amount. Other text is kept
    /// without a scheme.
    static func make(nit raw: String, name: String) -> Supplier {
        let nit = raw.replacingOccurrences(of: "-", with: "").uppercased()
        let digit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        let isNIT =
            nit.count >= 2 && nit.dropLast().allSatisfy(digit) && (nit.last.map(digit) == true || nit.last == "K")
        if isNIT { return Supplier(scheme: .nit, identifier: nit, name: name) }
        let text = raw.trimmingCharacters(in: .whitespaces)
        return Supplier(scheme: nil, identifier: CountryNames.bundled.contains(text) ? "" : raw, name: name)
    }
}
