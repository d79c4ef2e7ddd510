import Foundation

extension Supplier {
    /// True when the supplier is a natural person (persona individual), not a company: Guatecompras writes
    /// a person's name in five comma slots (`APELLIDO1,APELLIDO2,,NOMBRE1,NOMBRE2`), and a 13-digit
    /// identifier is a CUI (the DPI number SAT accepts as NIT since 2021).
    ///
    /// LAIP Art. 9 and 22 protect personal data: a company's NIT and name are public, a person's are not
    /// published unless the institution decides so.
    public var isNaturalPerson: Bool {
        if Self.commaSlots(name) == 5 { return true }
        return identifier.count == 13 && identifier.allSatisfy(\.isASCIIDigit)
    }

    /// How many comma-separated slots the name has: counted on bytes when the name is ASCII (no comma can then
    /// join a combining mark into another character), else by characters.
    private static func commaSlots(_ name: String) -> Int {
        var commas = 0
        for byte in name.utf8 {
            if byte >= 0x80 { return name.split(separator: ",", omittingEmptySubsequences: false).count }
            if byte == UInt8(ascii: ",") { commas += 1 }
        }
        return commas + 1
    }
}
