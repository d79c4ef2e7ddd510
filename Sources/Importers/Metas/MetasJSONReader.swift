import Domain
import Formats
import Foundation

/// Reads the JSON form of a metas file into raw rows, so the CSV validator checks both alike.
///
/// ```json
/// {"ejercicio": 2022, "productos": [{"codigo": "P01", "direccion_codigo": "DC", "direccion": "…",
///   "nombre": "…", "unidad_medida": "Documento", "meta_fisica": 12, "presupuesto_vigente": "29634540.00",
///   "entidad": "11130016", "unidad_ejecutora": "208", "programa": "01", "actividad": "001",
///   "subproductos": [{"codigo": "P01-01", "nombre": "…", "unidad_medida": "Documento", "meta_fisica": 12}]}]}
/// ```
/// Numbers may be JSON numbers or strings; amounts are best written as strings (`"29634540.00"`).
enum MetasJSONReader {
    static func rows(_ url: URL) throws -> ([RawRow], [Diagnostic]) {
        let file = url.lastPathComponent
        let data = try Data(contentsOf: url)
        let document: MetasDocument
        do {
            document = try JSONDecoder().decode(MetasDocument.self, from: data)
        } catch let error as DecodingError {
            return ([], [Diagnostic(file: file, field: error.jsonPath, message: error.spanishMessage)])
        } catch {
            return ([], [Diagnostic(file: file, message: "JSON inválido: \(SystemErrorText.describe(error))")])
        }
        var rows: [RawRow] = []
        for (index, product) in document.productos.enumerated() {
            var cells = product.fields.mapValues(\.text)
            cells[MetasColumns.ejercicio] = cells[MetasColumns.ejercicio] ?? document.ejercicio?.text
            cells[MetasColumns.nivel] = "producto"
            rows.append(RawRow(line: nil, path: "productos[\(index)]", cells: cells))
            for (subIndex, subproduct) in (product.subproductos ?? []).enumerated() {
                var subCells = subproduct.fields.mapValues(\.text)
                subCells[MetasColumns.ejercicio] = subCells[MetasColumns.ejercicio] ?? cells[MetasColumns.ejercicio]
                subCells[MetasColumns.nivel] = "subproducto"
                subCells[MetasColumns.productoPadre] = cells[MetasColumns.codigo]
                rows.append(RawRow(line: nil, path: "productos[\(index)].subproductos[\(subIndex)]", cells: subCells))
            }
        }
        return (rows, [])
    }
}

/// The top level of a metas JSON document.
struct MetasDocument: Decodable {
    var ejercicio: JSONText?
    var productos: [MetasJSONEntry]
}

/// One product or subproduct object: every scalar member kept as text, plus nested subproducts.
struct MetasJSONEntry: Decodable {
    var fields: [String: JSONText]
    var subproductos: [MetasJSONEntry]?

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var fields: [String: JSONText] = [:]
        for key in container.allKeys where key.stringValue != "subproductos" {
            fields[key.stringValue] = try container.decode(JSONText.self, forKey: key)
        }
        self.fields = fields
        self.subproductos = try container.decodeIfPresent(
            [MetasJSONEntry].self, forKey: Key(stringValue: "subproductos"))
    }
}
