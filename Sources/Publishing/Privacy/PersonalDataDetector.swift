import Foundation

/// Finds values that look like personal data in free text, byte by byte (an export checks millions of cells;
/// only a run of digits or an `@` makes it look closer).
///
/// The patterns are deliberately narrow, so codes the tables are made of (NOG, NIT, budget structures, dates,
/// award ids) never trip them: a DPI is a 13-digit number standing alone (or written 4-5-4); a phone needs
/// `+502`, a word that announces it, or the 4-4 way Guatemalans write them; an e-mail is personal when it is at
/// a free webmail provider. See ``PersonalDataKind``.
enum PersonalDataDetector {
    /// The first kind of personal data the text holds, or nil.
    static func scan(_ text: String) -> PersonalDataKind? {
        text.withUTF8Bytes { scan($0) }
    }

    static func scan(_ bytes: Bytes) -> PersonalDataKind? {
        // Every kind needs an `@` or at least eight digits (a phone has 8, a DPI 13): most cells of a national
        // export (codes, names, dates) are ruled out by this one pass.
        var digits = 0
        var hasAt = false
        for byte in bytes {
            if isDigit(byte) { digits += 1 } else if byte == UInt8(ascii: "@") { hasAt = true }
        }
        guard hasAt || digits >= 8 else { return nil }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "@"), isPersonalEmail(bytes, at: index) { return .correo }
            if isDigit(byte), index == 0 || !isAlphanumeric(bytes[index - 1]) {
                if let kind = number(bytes, from: index) { return kind }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                continue
            }
            index += 1
        }
        return nil
    }

    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// The lengths of a number's first digit groups: no personal-data shape has more than three.
    private struct DigitGroups {
        var lengths: (Int, Int, Int) = (0, 0, 0)
        var count = 0

        mutating func append(_ length: Int) {
            switch count {
            case 0: lengths.0 = length
            case 1: lengths.1 = length
            case 2: lengths.2 = length
            default: break
            }
            count += 1
        }

        /// True when the first `prefix` groups are exactly the lengths given (one to three of them).
        func prefix(_ prefix: Int, is first: Int, _ second: Int? = nil, _ third: Int? = nil) -> Bool {
            let shapeCount = third != nil ? 3 : second != nil ? 2 : 1
            guard prefix == shapeCount else { return false }
            return lengths.0 == first && (second.map { lengths.1 == $0 } ?? true)
                && (third.map { lengths.2 == $0 } ?? true)
        }
    }

    /// Looks at the number starting at `start` (a digit after a non-alphanumeric byte): its digit groups, split
    /// by one space or hyphen, are read as each of their prefixes (`5555-1234 16299514` is a phone and a NOG).
    private static func number(_ bytes: Bytes, from start: Int) -> PersonalDataKind? {
        var groups = DigitGroups()
        var index = start
        var count = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isDigit(byte) {
                count += 1
                index += 1
            } else if byte == 0x20 || byte == 0x2D, count > 0, index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                groups.append(count)
                count = 0
                index += 1
                // No shape has more than three groups, and a fourth only says the third is not the last: reading
                // a budget key's dozen groups from each of its starts was most of scanning a national `ejecucion`.
                if groups.count == 3 {
                    count = 1
                    break
                }
            } else {
                break
            }
        }
        groups.append(count)
        // The last group must end the token: `1234567890123ABC` is a code, not a DPI.
        let endsClean = index >= bytes.count || !isAlphanumeric(bytes[index])
        let usable = min(endsClean ? groups.count : groups.count - 1, 3)
        guard usable > 0 else { return nil }
        for length in 1...usable {
            if let kind = kind(groups, prefix: length, bytes, at: start) { return kind }
        }
        return nil
    }

    /// What a number written as the first `prefix` of these digit groups is, if it is personal data.
    private static func kind(_ groups: DigitGroups, prefix: Int, _ bytes: Bytes, at start: Int) -> PersonalDataKind? {
        if groups.prefix(prefix, is: 13) || groups.prefix(prefix, is: 4, 5, 4) { return .dpi }
        let fourFour = groups.prefix(prefix, is: 4, 4)
        let phoneShape = groups.prefix(prefix, is: 8) || fourFour
        if phoneShape, precededByCountryCode(bytes, at: start) { return .telefono }
        if startsLikeCountryCode(bytes, at: start, groups: groups, prefix: prefix) { return .telefono }
        if phoneShape, announcesPhone(bytes, before: start) { return .telefono }
        if fourFour, (UInt8(ascii: "2")...UInt8(ascii: "7")).contains(bytes[start]),
            !looksLikeYear(bytes, at: start), !looksLikeYear(bytes, at: start + 5)
        {
            return .telefono
        }
        return nil
    }

    /// `+502 5555-1234` read from the `502`: the number starts right after a `+`.
    private static func startsLikeCountryCode(
        _ bytes: Bytes, at start: Int, groups: DigitGroups, prefix: Int
    ) -> Bool {
        guard start > 0, bytes[start - 1] == UInt8(ascii: "+"), groups.lengths.0 == 3,
            bytes[start..<start + 3].elementsEqual("502".utf8)
        else { return false }
        return groups.prefix(prefix, is: 3, 8) || groups.prefix(prefix, is: 3, 4, 4)
    }

    /// True when `+502` (or `(502)`) and a space or hyphen come right before the number.
    private static func precededByCountryCode(_ bytes: Bytes, at start: Int) -> Bool {
        // Every 8-digit number asks; without one of the prefixes' bytes right before it, no character suffix
        // can match either (they are ASCII characters no other text is canonically equivalent to).
        guard
            countryCodePrefixes.contains(where: { prefix in
                start >= prefix.count && bytes[(start - prefix.count)..<start].elementsEqual(prefix)
            })
        else { return false }
        let prefix = Array(bytes[max(0, start - 6)..<start])
        let text = String(decoding: prefix, as: UTF8.self)
        return text.hasSuffix("+502 ") || text.hasSuffix("+502-") || text.hasSuffix("(502) ") || text.hasSuffix("(502)")
    }

    private static let countryCodePrefixes = ["+502 ", "+502-", "(502) ", "(502)"].map { Array($0.utf8) }

    /// True when a word that announces a phone number (tel., teléfono, cel., celular, móvil, whatsapp, fax, pbx)
    /// ends at most a few characters before the number.
    ///
    /// Every 8-digit number (each NOG of a national export) asks this, so when the bytes before the number are
    /// plain ASCII the word is read from them directly; anything else (accents, CR, a word the window cuts into
    /// something non-ASCII) goes through ``announcesPhoneByFolding(_:before:)``, which gives the same answer.
    static func announcesPhone(_ bytes: [UInt8], before start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { announcesPhone($0, before: start) }
    }

    private static func announcesPhone(_ bytes: Bytes, before start: Int) -> Bool {
        let windowStart = max(0, start - 24)
        var index = start
        // The gap of non-letters between the word and the number: one character per byte while plain ASCII.
        while index > windowStart, !isASCIILetter(bytes[index - 1]) {
            let byte = bytes[index - 1]
            guard byte < 0x80, byte != 0x0D else { return announcesPhoneByFolding(bytes, before: start) }
            index -= 1
        }
        guard start - index <= 4 else { return false }
        let wordEnd = index
        while index > windowStart, isASCIILetter(bytes[index - 1]) { index -= 1 }
        if index > windowStart, bytes[index - 1] >= 0x80 { return announcesPhoneByFolding(bytes, before: start) }
        guard index < wordEnd else { return false }
        let word = String(decoding: bytes[index..<wordEnd].map { $0 | 0x20 }, as: UTF8.self)
        return phoneWords.contains(word)
    }

    /// Words that announce a phone number, lower case and without accents.
    private static let phoneWords: Set<String> = [
        "tel", "tels", "telefono", "telefonos", "cel", "celular", "movil", "whatsapp", "fax", "pbx",
    ]

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// ``announcesPhone(_:before:)`` by Unicode rules: the window lower-cased and without diacritics, read back
    /// from the number by characters.
    static func announcesPhoneByFolding<Source: RandomAccessCollection<UInt8>>(
        _ bytes: Source, before start: Int
    ) -> Bool where Source.Index == Int {
        let bytes = Array(bytes)
        return announcesPhoneByFolding(array: bytes, before: start)
    }

    private static func announcesPhoneByFolding(array bytes: [UInt8], before start: Int) -> Bool {
        let window = String(decoding: bytes[max(0, start - 24)..<start], as: UTF8.self).lowercased()
            .folding(options: .diacriticInsensitive, locale: nil)
        var characters = Array(window)
        var gap = 0
        while let last = characters.last, !last.isLetter {
            characters.removeLast()
            gap += 1
        }
        guard gap <= 4 else { return false }
        let word = String(characters.reversed().prefix { $0.isLetter }.reversed())
        return ["tel", "tels", "telefono", "telefonos", "cel", "celular", "movil", "whatsapp", "fax", "pbx"].contains(
            word)
    }

    /// `2022-0456` (expediente) and `4123-2022` (contract `DA-4123-2022`) are far more often a number and a year
    /// than a phone: a national year's contract numbers were refused as phones.
    private static func looksLikeYear(_ bytes: Bytes, at start: Int) -> Bool {
        let first = String(decoding: bytes[start..<start + 4], as: UTF8.self)
        guard let year = Int(first) else { return false }
        return (1990...2099).contains(year)
    }

    /// True when the `@` at `index` is in an address at a free webmail provider.
    private static func isPersonalEmail(_ bytes: Bytes, at index: Int) -> Bool {
        guard index > 0, isEmailLocal(bytes[index - 1]) else { return false }
        var end = index + 1
        while end < bytes.count, isAlphanumeric(bytes[end]) || bytes[end] == 0x2E || bytes[end] == 0x2D { end += 1 }
        var domain = String(decoding: bytes[(index + 1)..<end], as: UTF8.self).lowercased()
        while domain.hasSuffix(".") { domain.removeLast() }
        return webmailDomains.contains { domain == $0 || domain.hasPrefix($0 + ".") }
    }

    /// Free webmail providers: an address there belongs to a person (a `.gob.gt` or company address does not).
    static let webmailDomains = [
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.es", "outlook.com", "outlook.es", "live.com", "msn.com",
        "yahoo.com", "yahoo.es", "ymail.com", "icloud.com", "me.com", "aol.com", "protonmail.com", "proton.me",
        "gmx.com", "mail.com", "zoho.com", "yandex.com",
    ]

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    private static func isEmailLocal(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == 0x2E || byte == 0x5F || byte == 0x2D || byte == 0x2B
    }
}
