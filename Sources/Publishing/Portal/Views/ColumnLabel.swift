/// A column's header on the portal: its snake_case name as Spanish words with their accents
/// (`fecha_publicacion` → `Fecha publicación`), so headers follow the published files' names.
enum ColumnLabel {
    static func label(_ name: String) -> String {
        if let whole = wholeNames[name] { return whole }
        let words = name.split(separator: "_").map { accented[String($0)] ?? String($0) }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    private static let wholeNames: [String: String] = [
        "porcentaje_ejecucion": "% ejecución", "porcentaje": "%", "nog": "NOG", "nit_proveedor": "NIT del proveedor",
        "ocid": "OCID", "sha256": "SHA-256", "plazo_dias": "Plazo (días)", "mes_calendario": "Mes",
        "avance_fisico": "% avance físico",
    ]

    private static let accented: [String: String] = [
        "renglon": "renglón", "renglones": "renglones", "codigo": "código", "direccion": "dirección",
        "descripcion": "descripción", "publicacion": "publicación", "adjudicacion": "adjudicación",
        "aprobacion": "aprobación", "ejecucion": "ejecución", "fisica": "física", "participacion": "participación",
        "metodo": "método", "dias": "días", "seccion": "sección", "numero": "número", "ubicacion": "ubicación",
        "geografica": "geográfica", "categoria": "categoría", "verificacion": "verificación",
        "examinados": "examinados", "importacion": "importación", "linea": "línea", "periodo": "período",
        "version": "versión", "leidas": "leídas", "ejecutada": "ejecutada", "modificacion": "modificación",
        "fisico": "físico",
    ]
}
