import Foundation
import Testing

@testable import Domain

/// The modality key's byte path (ASCII and Latin-1) must give what the NFD path gives, for every character it
/// handles itself and for text that mixes them with characters it hands over.
struct ModalityKeyTests {
    @Test("every character up to U+024F gives the same key by bytes as by NFD")
    func eachCharacter() {
        for value in 0x20...0x24F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A\(Character(scalar))z9"
            #expect(
                ModalityCatalog.normalize(text) == ModalityCatalog.decomposedKey(text), "U+\(String(value, radix: 16))")
        }
    }

    @Test("Guatecompras' labels and mixed text give the same key by bytes as by NFD")
    func labels() {
        let labels = [
            "Compra Directa con Oferta Electrónica (Art. 43 LCE Inciso b)", "Cotización (Art. 38 LCE)",
            "Licitación Pública (Art. 17 LCE)", "Procedimientos regulados por el artículo 44 LCE (Casos de Excepción)",
            "Adquisición con proveedor único (Art. 43 LCE inciso c)", "ÑANDÚ ÀÉÎÕÜ Ÿ æøß×÷ ªº´¨",
            "Compra de baja cuantía (Art. 43 LCE Inciso a)", "e\u{301}nfasis decompuesto", "Ærø — ‘citas’ € 日本",
            "", "   ", "123 ABC xyz",
        ]
        for label in labels {
            #expect(ModalityCatalog.normalize(label) == ModalityCatalog.decomposedKey(label), "\(label)")
        }
        #expect(ModalityCatalog.normalize("Cotización (Art. 38 LCE)") == "cotizacionart38lce")
    }
}
