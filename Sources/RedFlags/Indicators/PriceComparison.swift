import Foundation

/// The modalities where bid prices are compared by default (Cardinal's `price_comparison_procurement_methods`).
enum PriceComparison {
    static let defaultModalities = [
        "compra_directa_oferta_electronica", "cotizacion", "licitacion_publica", "subasta_electronica_inversa",
        "arrendamientos_cotizacion", "arrendamientos_licitacion",
    ]
}
