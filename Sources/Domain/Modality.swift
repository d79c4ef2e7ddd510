import Foundation

/// A procurement modality of the Ley de Contrataciones del Estado (one row of `Catalogs/csv/modalidades.csv`).
public struct Modality: Hashable, Sendable {
    /// Stable slug (`compra_directa_oferta_electronica`, `baja_cuantia`, `npg_baja_cuantia`).
    public let code: String
    /// The label as Guatecompras shows it (also OCDS `tender.procurementMethodDetails`).
    public let name: String
    /// Legal basis (`Art. 43 inciso b) LCE`).
    public let article: String
    /// Lowest amount of the modality's range (inclusive), when threshold-based.
    public let minimum: Money?
    /// Highest amount of the range (inclusive); nil for licitación (no ceiling) or non-threshold modalities.
    public let maximum: Money?
    /// Year from which the current range applies; nil when undetermined.
    public let validFrom: Int?
    /// Whether its publications can appear in the OCDS feed (NOG) or not (NPG).
    public let publishedInOCDS: Bool
    /// `NOG` or `NPG`.
    public let publicationType: String
    /// The `Modalidad_compradora` id of the Guatecompras API, when known.
    public let ocdsCatalogID: String?
    /// The API catalog's own name for it, which may differ from ``name``.
    public let ocdsCatalogName: String?
    /// ``name`` normalized with ``ModalityCatalog/normalize(_:)``.
    public let normalizedKey: String

    /// Creates a modality (the bundled catalog builds these from `modalidades.csv`).
    public init(
        code: String, name: String, article: String = "", minimum: Money? = nil, maximum: Money? = nil,
        validFrom: Int? = nil, publishedInOCDS: Bool = true, publicationType: String = "NOG",
        ocdsCatalogID: String? = nil, ocdsCatalogName: String? = nil, normalizedKey: String? = nil
    ) {
        self.code = code
        self.name = name
        self.article = article
        self.minimum = minimum
        self.maximum = maximum
        self.validFrom = validFrom
        self.publishedInOCDS = publishedInOCDS
        self.publicationType = publicationType
        self.ocdsCatalogID = ocdsCatalogID
        self.ocdsCatalogName = ocdsCatalogName
        self.normalizedKey = normalizedKey ?? ModalityCatalog.normalize(name)
    }

    /// A short Spanish label for reports (`Compra directa`, `Cotización`).
    public var shortName: String {
        switch code {
        case "baja_cuantia", "npg_baja_cuantia": "Baja cuantía"
        case "compra_directa_oferta_electronica": "Compra directa"
        case "cotizacion": "Cotización"
        case "licitacion_publica": "Licitación pública"
        case "casos_excepcion", "npg_casos_excepcion": "Casos de excepción"
        case "contrato_abierto": "Contrato abierto"
        case "proveedor_unico": "Proveedor único"
        case "subasta_electronica_inversa": "Subasta electrónica inversa"
        default: name
        }
    }

    /// The amount range that applies in a fiscal year, or nil when the modality has no thresholds then
    /// (not threshold-based, or a year before the rule took effect).
    public func thresholds(year: Int) -> ClosedRange<Money>? {
        guard minimum != nil || maximum != nil else { return nil }
        if let validFrom, year < validFrom { return nil }
        let low = minimum ?? .zero
        let high = maximum ?? Money(centavos: .max)
        return low <= high ? low...high : nil
    }
}
