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

    /// How many comma-separated slots the name has: counted on bytes when the name is ASCII or two-byte Latin-1
    /// letters (`Ñ`, lead byte `0xC3`: no such letter joins a comma into another character), else by characters.
    private static func commaSlots(_ name: String) -> Int {
        var commas = 0
        var continuation = false
        for byte in name.utf8 {
            if continuation {
                guard byte & 0xC0 == 0x80 else {
                    return name.split(separator: ",", omittingEmptySubsequences: false).count
                }
                continuation = false
            } else if byte == 0xC3 {
                continuation = true
            } else if byte >= 0x80 {
                return name.split(separator: ",", omittingEmptySubsequences: false).count
            } else if byte == UInt8(ascii: ",") {
                commas += 1
            }
        }
        return commas + 1
    }
}
