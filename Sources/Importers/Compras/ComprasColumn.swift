import Formats

/// The columns a Guatecompras/MINFIN flat export may carry, with the header spellings seen in real files.
///
/// Headers are compared after ``HeaderKey/normalize(_:)``, so `NOG CONCURSO`, `NOG_CONCURSO`,
/// `nogConcurso` and `Nog Concurso` are the same column, with or without accents.
enum ComprasColumn: String, CaseIterable, Sendable {
    case nog, title, entity, unit, modality, subModality, status, publishedAt, awardedAt, tenderEndAt
    case nit, supplierName, amount

    /// The column's index in ``ComprasFlatRow/values``.
    var position: Int { Self.positions[self] ?? 0 }

    private static let positions: [ComprasColumn: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })

    /// Normalized header keys that name this column.
    var keys: [String] {
        switch self {
        case .nog: ["nog_concurso", "nog", "numero_nog", "no_nog", "numero_de_operacion_guatecompras"]
        case .title: ["descripcion", "descripcion_concurso", "descripcion_del_concurso", "titulo", "nombre_concurso"]
        case .entity: ["entidad_compradora", "entidad", "nombre_entidad", "institucion"]
        case .unit: ["unidad_compradora", "unidad", "nombre_unidad_compradora"]
        case .modality: ["modalidad", "modalidad_de_compra", "modalidad_compra", "metodo_compra"]
        case .subModality: ["sub_modalidad", "submodalidad"]
        case .status: ["estatus", "estatus_del_concurso", "estatus_concurso", "estado", "estado_del_concurso"]
        case .publishedAt: ["fecha_de_publicacion", "fecha_publicacion"]
        case .awardedAt: ["fecha_de_adjudicacion", "fecha_adjudicacion"]
        case .tenderEndAt:
            ["fecha_cierre_recepcion_ofertas", "fecha_de_cierre_de_recepcion_de_ofertas", "fecha_cierre"]
        case .nit: ["nit", "nit_proveedor", "nit_adjudicado", "nit_o_pais"]
        case .supplierName: ["nombre", "nombre_proveedor", "proveedor", "razon_social", "nombre_o_razon_social"]
        case .amount: ["monto", "monto_adjudicado", "monto_q", "monto_adjudicado_q"]
        }
    }

    /// The Spanish label used in diagnostics.
    var label: String {
        switch self {
        case .nog: "NOG"
        case .title: "DESCRIPCIÓN"
        case .entity: "ENTIDAD COMPRADORA"
        case .unit: "UNIDAD COMPRADORA"
        case .modality: "MODALIDAD"
        case .subModality: "SUB MODALIDAD"
        case .status: "ESTATUS"
        case .publishedAt: "FECHA DE PUBLICACIÓN"
        case .awardedAt: "FECHA DE ADJUDICACIÓN"
        case .tenderEndAt: "FECHA CIERRE RECEPCIÓN OFERTAS"
        case .nit: "NIT"
        case .supplierName: "NOMBRE"
        case .amount: "MONTO"
        }
    }

    /// Column positions in a header row, or nil when the row has no NOG column (not the header).
    static func map(header: [String]) -> [ComprasColumn: Int]? {
        let keys = header.map(HeaderKey.normalize)
        var result: [ComprasColumn: Int] = [:]
        for column in allCases {
            // The first header spelling in preference order wins, then the leftmost column.
            for key in column.keys {
                if let index = keys.firstIndex(of: key), !result.values.contains(index) {
                    result[column] = index
                    break
                }
            }
        }
        return result[.nog] == nil ? nil : result
    }
}
