import Foundation
import Testing

@testable import Domain

struct ModalityCatalogTests {
    let catalog = ModalityCatalog.bundled

    @Test(
        "labels match the catalog whatever their spacing, case, accents or source",
        arguments: [
            ("Compra Directa con Oferta Electrónica (Art. 43 LCE Inciso b)", "compra_directa_oferta_electronica"),
            ("COMPRA DIRECTA  CON OFERTA ELECTRONICA (ART.43 LCE INCISO B)", "compra_directa_oferta_electronica"),
            ("Compra Directa", "compra_directa_oferta_electronica"),
            ("Arrendamientos por Licitación Pública(Art.43 inciso d )", "arrendamientos_licitacion"),
            (
                "Arrendamiento o Adquisición de Bienes Inmuebles (Art. 43 inciso e)",
                "arrendamiento_adquisicion_inmuebles"
            ),
            ("Casos de Excepción (Art. 44 LCE)", "casos_excepcion"),
            ("Cotización", "cotizacion"),
            ("Licitación Pública (Art. 17 LCE)", "licitacion_publica"),
            ("Compra de Baja Cuantía (Art.43 inciso a)", "baja_cuantia"),
            // Every label FORMATS.md counts in a real monthly file (May 2026).
            ("Procedimientos regulados por el artículo 54 LCE", "procedimientos_art_54"),
            ("Cotización (Art. 38 LCE)", "cotizacion"),
            (
                "Arrendamiento o Adquisición de Bienes Inmuebles (Art.43 inciso e)",
                "arrendamiento_adquisicion_inmuebles"
            ),
            ("Procedimientos Regulados por el artículo 44 LCE (Casos de Excepción)", "casos_excepcion"),
            ("Adquisición Directa por Ausencia de Oferta", "adquisicion_directa_ausencia_oferta"),
            ("Negociaciones entre Entidades Públicas (Art. 2 LCE)", "negociaciones_entre_entidades_publicas"),
            ("Convenios y Tratados Internacionales (Art. 1 LCE)", "convenios_tratados_internacionales"),
            ("Adquisiciones con proveedor único (Art.43 inciso c)", "proveedor_unico"),
            ("Arrendamientos por Cotización(Art.43 inciso d )", "arrendamientos_cotizacion"),
            ("Bienes y Suministros Importados (Art. 5 LCE)", "bienes_suministros_importados"),
            ("Contrato Abierto (Art. 46 LCE)", "contrato_abierto"),
        ])
    func matches(label: String, code: String) {
        #expect(catalog.modality(matching: label)?.code == code)
    }

    @Test("unknown labels match nothing rather than a guess")
    func unknown() {
        #expect(catalog.modality(matching: "Compra por catálogo electrónico") == nil)
        #expect(catalog.modality(matching: "  ") == nil)
    }

    @Test("the normalized key is the catalog's clave_normalizada for every row")
    func normalizedKeys() {
        for modality in catalog.modalities {
            #expect(ModalityCatalog.normalize(modality.name) == modality.normalizedKey, "\(modality.code)")
        }
    }

    @Test("thresholds are data per year, in exact centavos")
    func thresholds() throws {
        let directa = try #require(catalog.modality(code: "compra_directa_oferta_electronica"))
        let range = try #require(directa.thresholds(year: 2022))
        #expect(range.lowerBound == Money(centavos: 2_500_001))
        #expect(range.upperBound == Money(quetzales: 90_000))
        #expect(directa.thresholds(year: 2010) == nil)
        let licitacion = try #require(catalog.modality(code: "licitacion_publica")?.thresholds(year: 2022))
        #expect(licitacion.lowerBound == Money(centavos: 90_000_001))
        #expect(catalog.modality(code: "casos_excepcion")?.thresholds(year: 2022) == nil)
    }
}
