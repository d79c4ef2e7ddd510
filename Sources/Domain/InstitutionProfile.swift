import Foundation

/// What is institution-specific, read from the profile file (`transparencia.toml`).
///
/// A blank profile (every field empty) means "every entity": a journalist's ledger of national files.
public struct InstitutionProfile: Hashable, Sendable, Codable {
    public var nombre: String = ""
    public var siglas: String = ""
    /// SICOIN entidad code (8 digits, e.g. `11130016`).
    public var sicoinEntidad: String = ""
    /// SICOIN unidad ejecutora code within the entidad.
    public var sicoinUnidadEjecutora: String = ""
    /// Guatecompras entity id (the `GT-CISP-` / `iEnt` number).
    public var guatecomprasEntidad: String = ""
    /// Guatecompras buying-unit ids of the institution.
    public var guatecomprasUnidades: [String] = []
    /// Names of the entity or its buying units as Guatecompras' flat exports write them (`ENTIDAD COMPRADORA`,
    /// `UNIDAD COMPRADORA`): those exports carry no codes, so on a national ledger only the name places a row
    /// in the institution. Compared with accents, case and punctuation folded.
    public var guatecomprasNombres: [String] = []
    /// The unit responsible for LAIP publication (Unidad de Información Pública).
    public var unidadResponsable: String = ""
    public var contacto: String = ""
    /// SPDX id or name of the licence of published data.
    public var licencia: String = ""
    /// Columns (`tabla.columna`, e.g. `adjudicaciones.nombre_proveedor`) the institution decided to publish even
    /// though they hold what looks like personal data (LAIP Art. 9 and 22); every other column refuses it.
    public var columnasPersonalesPermitidas: [String] = []
    /// Default fiscal year for reports, or nil.
    public var ejercicio: Int?

    public init() {}

    /// True when the profile names no institution: reports then cover every entity in the ledger.
    public var isBlank: Bool {
        sicoinEntidad.isEmpty && guatecomprasEntidad.isEmpty && guatecomprasNombres.isEmpty && nombre.isEmpty
    }

    /// The name to print on reports: the acronym, the name, or "todas las entidades".
    public var displayName: String {
        if !siglas.isEmpty { return siglas }
        if !nombre.isEmpty { return nombre }
        return "todas las entidades"
    }
}
