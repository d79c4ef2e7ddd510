import Foundation

/// A supplier (or bidder) identified by NIT or by a Guatecompras id, with the name as published.
public struct Supplier: Hashable, Sendable, Codable {
    /// `GT-NIT` or `GT-GCID`; nil when the source gives an id in no known scheme (kept in ``identifier``).
    public var scheme: PartyScheme?
    /// The NIT (text: may end in `K`, leading zeros kept) or the GCID (`CO-0D13…`).
    public var identifier: String
    /// The name as published (natural persons come as `APELLIDO1,APELLIDO2,,NOMBRE1,NOMBRE2`).
    public var name: String

    /// Creates a supplier from its parts.
    public init(scheme: PartyScheme?, identifier: String, name: String) {
        self.scheme = scheme
        self.identifier = identifier
        self.name = name
    }

    /// A supplier from an OCDS party id such as `GT-NIT-7894880`; an id without a known prefix is kept whole.
    public init(partyID: String, name: String) {
        if let split = PartyScheme.split(partyID) {
            self.init(scheme: split.scheme, identifier: split.identifier, name: name)
        } else {
            self.init(scheme: nil, identifier: partyID, name: name)
        }
    }

    /// The NIT, when the supplier is identified by one.
    public var nit: String? { scheme == .nit ? identifier : nil }

    /// The OCDS party id (`GT-NIT-7894880`), or the bare identifier when the scheme is unknown.
    public var partyID: String { scheme.map { $0.partyID(identifier) } ?? identifier }

    /// True when the supplier is known by an identifier of its own: not empty, and not a country name (a flat
    /// export names a foreign supplier's country, `COLOMBIA`, where a NIT would go; ledgers written before that
    /// was understood still hold such words).
    public var hasIdentifier: Bool {
        // An identifier that starts and ends with printable ASCII has nothing to trim (a supplier directory asks
        // this of every award of the year).
        let edges = (identifier.utf8.first, identifier.utf8.last)
        let trimmed =
            if let first = edges.0, let last = edges.1, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
                identifier
            } else {
                identifier.trimmingCharacters(in: .whitespaces)
            }
        return !trimmed.isEmpty && (scheme != nil || !CountryNames.bundled.contains(trimmed))
    }

    /// Whether two sources name the same supplier by identifier: true or false when both have identifiers in
    /// the same scheme (`GT-NIT-7894880` and NIT `7894880`); nil when that cannot be told (different schemes, as
    /// OCDS' `GT-GCID-CO-…` and a flat export's country, or an identifier missing). Then compare names.
    public func sameIdentifier(as other: Supplier) -> Bool? {
        guard hasIdentifier, other.hasIdentifier, scheme == other.scheme else { return nil }
        func normalized(_ text: String) -> String {
            text.uppercased().filter { $0 != "-" && !$0.isWhitespace }
        }
        return normalized(identifier) == normalized(other.identifier)
    }

    /// The name reduced for comparing sources: ``displayName`` (persons in natural order) in upper case, without
    /// accents or punctuation, legal forms written one way (`SOCIEDAD ANONIMA`, `S.A.`, `S. A.` → `SA`).
    public var comparableName: String {
        let folded = displayName.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "es")
        )
        .uppercased()
        let words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        // Initials written apart (`S.A.S.`, `S. A.`) are one word.
        var joined: [String] = []
        var lastIsInitials = false
        for word in words {
            let isInitial = word.count == 1 && word.allSatisfy(\.isLetter)
            if isInitial && lastIsInitials, let last = joined.popLast() {
                joined.append(last + word)
            } else {
                joined.append(word)
            }
            lastIsInitials = isInitial
        }
        var text = " " + joined.joined(separator: " ") + " "
        for (long, short) in Self.legalForms {
            text = text.replacingOccurrences(of: " \(long) ", with: " \(short) ")
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Legal forms spelled out, longest first, and how ``comparableName`` writes them.
    private static let legalForms: [(String, String)] = [
        ("SOCIEDAD POR ACCIONES SIMPLIFICADA", "SAS"), ("SOCIEDAD DE RESPONSABILIDAD LIMITADA", "SRL"),
        ("SOCIEDAD ANONIMA", "SA"), ("RESPONSABILIDAD LIMITADA", "RL"), ("SOCIEDAD CIVIL", "SC"),
        ("COMPANIA LIMITADA", "CIA LTDA"),
    ]

    /// The name made readable: person names written as comma slots (`DE LEON,MALDONADO,,CESAR,AUGUSTO`) become
    /// `CESAR AUGUSTO DE LEON MALDONADO`; other names are only trimmed and have their spaces collapsed.
    public var displayName: String {
        if Self.isAlreadyDisplayed(name) { return name }
        let slots = name.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        guard slots.count == 5 else { return name.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let given = slots[3...4].filter { !$0.isEmpty }
        let family = slots[0...2].filter { !$0.isEmpty }
        return (given + family).joined(separator: " ")
    }

    /// True when `name` is not written in a person's five comma slots and has nothing to trim or collapse: most
    /// company names (`EMPRESA X, SOCIEDAD ANONIMA`), which a national export reads hundreds of thousands of
    /// times. Decided on bytes, conservatively: printable ASCII, single spaces between words, and two-byte
    /// Latin-1 letters (`Ñ`, `É`: lead byte `0xC3`, never whitespace, never joined to a comma); anything else goes
    /// the long way.
    static func isAlreadyDisplayed(_ name: String) -> Bool {
        var previous: UInt8 = 0x20
        var continuation = false
        var commas = 0
        for byte in name.utf8 {
            if continuation {
                guard byte & 0xC0 == 0x80 else { return false }
                continuation = false
            } else if byte == 0xC3 {
                continuation = true
            } else if byte == 0x20 {
                guard previous != 0x20 else { return false }
            } else if byte < 0x21 || byte > 0x7E {
                return false
            } else if byte == UInt8(ascii: ",") {
                commas += 1
            }
            previous = byte
        }
        return !continuation && previous != 0x20 && commas != 4
    }
}
