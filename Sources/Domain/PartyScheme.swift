import Foundation

/// The identifier schemes Guatecompras uses for parties (`parties[].identifier.scheme`, prefix of party ids).
public enum PartyScheme: String, Hashable, Sendable, Codable, CaseIterable {
    /// A public institution (Entidad) by its MINFIN institutional code: `GT-CISP-11130016`.
    case cisp = "GT-CISP"
    /// A buying unit (Unidad compradora): `GT-GCUC-<guatecompras entidad>-<unidad>`, e.g. `GT-GCUC-436-2`.
    case gcuc = "GT-GCUC"
    /// A tax id (NIT) of a company, person or institution: `GT-NIT-7894880`.
    case nit = "GT-NIT"
    /// A Guatecompras id for a party without a Guatemalan NIT: `GT-GCID-CO-0D13D3EE…`.
    case gcid = "GT-GCID"

    /// Splits a party id into its scheme and identifier by the known prefix (never on every `-`: the
    /// identifier itself may contain hyphens, as in `GT-GCUC-342-2` or `GT-GCID-CO-0D13…`).
    public static func split(_ partyID: String) -> (scheme: PartyScheme, identifier: String)? {
        for scheme in allCases {
            let prefix = scheme.rawValue + "-"
            if partyID.hasPrefix(prefix), partyID.count > prefix.count {
                return (scheme, String(partyID.dropFirst(prefix.count)))
            }
        }
        return nil
    }

    /// The party id for an identifier in this scheme (`GT-NIT-` + `7894880`).
    public func partyID(_ identifier: String) -> String { rawValue + "-" + identifier }
}
