import Foundation

/// What kind of personal data (LAIP Art. 9 and 22) a published value looks like.
public enum PersonalDataKind: String, Sendable, Hashable, CaseIterable {
    /// A DPI/CUI number: 13 digits, alone or written 4-5-4.
    case dpi
    /// A phone number: `+502` and 8 digits, 8 digits after «tel.», «cel.», «whatsapp»…, or 8 digits written
    /// 4-4 starting with 2 to 7 that are not a year and a number.
    case telefono
    /// An e-mail address at a free webmail provider (gmail, hotmail, yahoo, outlook…): a person's, not an
    /// institution's or a company's.
    case correo
    /// A natural person's name or NIT (a supplier who is an individual, not a company).
    case persona

    /// The Spanish words for it in messages.
    public var label: String {
        switch self {
        case .dpi: "un número de DPI/CUI"
        case .telefono: "un número de teléfono"
        case .correo: "un correo electrónico personal"
        case .persona: "el nombre o NIT de una persona individual"
        }
    }
}
