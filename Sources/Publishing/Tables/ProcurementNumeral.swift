import Foundation

/// The LAIP Art. 10 numeral a process is published under, by its modality: numeral 20 for cotización and
/// licitación, numeral 22 for compras directas (baja cuantía, compra directa); nil for the other modalities
/// (casos de excepción, contrato abierto, proveedor único…), which the law does not name in either.
enum ProcurementNumeral {
    static func numeral(modalityCode: String?) -> Int? {
        switch modalityCode {
        case "cotizacion", "licitacion_publica", "arrendamientos_cotizacion", "arrendamientos_licitacion",
            "licitacion_app":
            20
        case "compra_directa_oferta_electronica", "baja_cuantia", "npg_baja_cuantia",
            "compra_directa_emergencia_covid19",
            "adquisicion_directa_ausencia_oferta":
            22
        default: nil
        }
    }
}
