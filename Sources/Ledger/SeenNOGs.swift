/// The NOGs an import has handled, in the order it accepted them, with the fingerprint of what it first took for
/// each: how a NOG repeated in a file is told apart from one repeated with other data.
///
/// Kept compact because it grows with the file (100,000 NOGs in a national package) and its last growth came at
/// the end of the import, the peak of its memory: a NOG of digits (all of Guatecompras') is a 64-bit key, each NOG
/// maps to its place, and the fingerprints lie in an array by place: 12 bytes a slot and 8 a NOG, where a map
/// from the NOG's text to its fingerprint took 24 a slot and the store's map of first positions 64 more.
struct SeenNOGs {
    /// NOG of 1 to 15 digits, packed (``packed(_:)``) → place.
    private var digitNOGs: [UInt64: Int32] = [:]
    /// Any other NOG → place.
    private var otherNOGs: [String: Int32] = [:]
    /// Fingerprint of each accepted NOG, by place.
    private var fingerprints: [UInt64] = []

    /// How many NOGs were accepted.
    var count: Int { fingerprints.count }

    /// The place of a NOG among those accepted (0 for the first), nil if it was not.
    func ordinal(of nog: String) -> Int? {
        let place = if let key = Self.packed(nog) { digitNOGs[key] } else { otherNOGs[nog] }
        return place.map(Int.init)
    }

    /// The fingerprint a NOG was accepted with, nil if it was not.
    func fingerprint(of nog: String) -> UInt64? {
        ordinal(of: nog).map { fingerprints[$0] }
    }

    /// Accepts a NOG not accepted before.
    mutating func accept(_ nog: String, fingerprint: UInt64) {
        let place = Int32(fingerprints.count)
        if let key = Self.packed(nog) { digitNOGs[key] = place } else { otherNOGs[nog] = place }
        fingerprints.append(fingerprint)
    }

    /// A NOG of 1 to 15 ASCII digits as one number: its length in the top byte (so `0123` and `123` differ), its
    /// value below; nil for anything else.
    static func packed(_ nog: String) -> UInt64? {
        var value: UInt64 = 0
        var length: UInt64 = 0
        for byte in nog.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), length < 15 else { return nil }
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
            length += 1
        }
        return length == 0 ? nil : length << 56 | value
    }
}
