import Foundation

extension Supplier {
    /// True when the supplier is a natural person (persona individual), not a company: Guatecompras writes
    /// a person's name in five comma slots (`APELLIDO1,APELLIDO2,,NOMBRE1,NOMBRE2`), and a 13-digit
    /// identifier is a CUI (the DPI number SAT accepts as NIT since 2021).
    ///
    /// LAIP Art. 9 and 22 protect personal data: a company's NIT and name are public, a person's are not
    /// published unless the institution decides so.
    public var isNaturalPerson: Bool {
        if name.split(separator: ",", omittingEmptySubsequences: false).count == 5 { return true }
        return identifier.count == 13 && identifier.allSatisfy(\.isASCIIDigit)
    }
}
