import Domain
import Foundation

/// Parameters and helpers the split-purchase indicators (TR01–TR04) share.
enum SplitSpecs {
    /// M_split: the modalities a split purchase hides in.
    static let splitModalities = ["baja_cuantia", "npg_baja_cuantia", "compra_directa_oferta_electronica"]

    static func window(_ days: Int) -> ParameterSpec {
        ParameterSpec(
            "ventana", .window, .window(.days(days)),
            "Días entre la primera y la última compra de un grupo (0 = el mismo día), o \"cuatrimestre\" / \"ejercicio\""
        )
    }

    static let minimum = ParameterSpec(
        "min_compras", .integer(2...1000), .integer(2), "Compras mínimas en la ventana para formar un grupo")

    static func level(_ value: String = "unidad") -> ParameterSpec {
        ParameterSpec(
            "nivel", .text(["unidad", "entidad"]), .text(value),
            "Agrupar por unidad compradora o por entidad")
    }

    static let modalities = ParameterSpec(
        "modalidades", .list, .list(splitModalities), "Modalidades en las que se busca el fraccionamiento (M_split)")

    static let includeCotizacion = ParameterSpec(
        "incluir_cotizacion", .bool, .bool(false),
        "Agregar cotización a las modalidades, para buscar evasión de la licitación")

    /// The modalities to read, with cotización when asked.
    static func modalities(_ parameters: IndicatorParameters) -> [String] {
        parameters.list("modalidades") + (parameters.bool("incluir_cotizacion") ? ["cotizacion"] : [])
    }

    /// The grouping key of a purchase at the chosen level, as a small integer.
    static func levelKey(_ fact: PurchaseFacts, _ parameters: IndicatorParameters) -> Int {
        parameters.text("nivel") == "entidad" ? fact.entityIndex : fact.unitIndex
    }

    /// The level's key as text, for subject ids (`436-2`, an entity code).
    static func levelText(_ fact: PurchaseFacts, _ parameters: IndicatorParameters) -> String {
        parameters.text("nivel") == "entidad" ? fact.entityKey : fact.unitKey
    }

    /// One integer for a level and a supplier (both small indices).
    static func pair(_ level: Int, _ other: Int) -> Int { level << 32 | other }

    /// The level's readable label (unit name, or the entity's name or code).
    static func levelLabel(_ fact: PurchaseFacts, _ parameters: IndicatorParameters) -> String {
        guard parameters.text("nivel") == "entidad" else { return fact.unitLabel }
        return fact.purchase.entityName ?? fact.entityKey
    }

    /// The common text every split indicator's explanation starts with.
    static let preamble = "Una bandera es un motivo para mirar, nunca un hallazgo. "
}
