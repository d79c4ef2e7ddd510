import Domain
import Foundation

/// Suppliers from the "NIT" / "NIT o país" cells of flat exports and NOG pages.
enum ComprasSupplier {
    /// A supplier identified by NIT when the cell holds one (digits, check digit possibly `K`, hyphens
    /// dropped); otherwise the cell's text (a country for foreign suppliers) is kept without a scheme.
    static func make(nit raw: String, name: String) -> Supplier {
        let nit = raw.replacingOccurrences(of: "-", with: "").uppercased()
        let digit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        let isNIT = nit.count >= 2 && nit.dropLast().allSatisfy(digit) && (nit.last.map(digit) == true || nit.last == "K")
        return Supplier(scheme: isNIT ? .nit : nil, identifier: isNIT ? nit : raw, name: name)
    }
}
