import Formats
import Foundation
import Testing

struct HeaderKeyTests {
    @Test(
        "normalizes the header variants real files use",
        arguments: [
            ("NOG CONCURSO", "nog_concurso"),
            ("NOG_CONCURSO", "nog_concurso"),
            ("nogConcurso", "nog_concurso"),
            ("  Nog  Concurso ", "nog_concurso"),
            ("DESCRIPCIÓN", "descripcion"),
            ("FECHA DE PUBLICACIÓN", "fecha_de_publicacion"),
            ("TRASPASO_P", "traspaso_p"),
            ("codigoRenglon", "codigo_renglon"),
            ("\u{FEFF}ejercicio", "ejercicio"),
            ("Monto (Q.)", "monto_q"),
        ])
    func normalizes(header: String, key: String) {
        #expect(HeaderKey.normalize(header) == key)
    }
}
