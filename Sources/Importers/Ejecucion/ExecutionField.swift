import Foundation

/// A column an execution file can carry, with the normalized header spellings (``Formats/HeaderKey``)
/// seen in SICOIN reports, MINFIN open-data CSV and CKAN JSON (`codigoRenglon` → `codigo_renglon`).
enum ExecutionField: String, CaseIterable, Sendable {
    case ejercicio, entidad, unidadEjecutora, programa, subprograma, proyecto, actividad, obra, renglon, fuente
    case organismo, correlativo, ubicacionGeografica, mes
    case tipoPresupuesto, finalidad, funcion, division, departamento, subgrupo, region
    case asignado, adicion, disminucion, traspasoPositivo, traspasoNegativo, transferenciaPositiva
    case transferenciaNegativa, modificado, vigente, precomprometido, comprometido, devengado, pagado

    /// Headers that hold the field's code (or its amount).
    var codeHeaders: [String] {
        switch self {
        case .ejercicio: ["ejercicio", "ano", "anio", "ano_fiscal", "periodo_fiscal"]
        case .entidad: ["codigo_entidad", "cod_entidad", "entidad_codigo", "id_entidad", "entidad"]
        case .unidadEjecutora:
            [
                "codigo_unidad_ejecutora", "cod_unidad_ejecutora", "unidad_ejecutora", "ue", "cod_ue", "unidad_ejec",
                "codigo_ue",
            ]
        case .programa: ["codigo_programa", "cod_programa", "programa", "prog", "prg"]
        case .subprograma:
            [
                "codigo_sub_programa", "codigo_subprograma", "cod_subprograma", "subprograma", "sub_programa",
                "subprog", "sprg",
            ]
        case .proyecto: ["codigo_proyecto", "cod_proyecto", "proyecto", "proy"]
        case .actividad: ["codigo_actividad", "cod_actividad", "actividad", "act", "actividad_obra"]
        case .obra: ["codigo_obra", "cod_obra", "obra"]
        case .renglon: ["codigo_renglon", "cod_renglon", "renglon", "reng", "renglon_gasto", "objeto_gasto"]
        case .fuente:
            ["codigo_fuente", "cod_fuente", "fuente", "fuente_financiamiento", "fte", "codigo_fuente_financiamiento"]
        case .organismo:
            ["codigo_organismo", "cod_organismo", "organismo", "organismo_financiador", "codigo_organismo_financiador"]
        case .correlativo: ["correlativo", "codigo_correlativo", "cod_correlativo", "correlativo_fuente"]
        case .tipoPresupuesto:
            ["codigo_tipo_presupuesto", "cod_tipo_presupuesto", "tipo_presupuesto", "tipo_de_presupuesto"]
        case .finalidad: ["codigo_finalidad", "cod_finalidad", "finalidad"]
        case .funcion: ["codigo_funcion", "cod_funcion", "funcion"]
        case .division: ["codigo_division", "cod_division", "division"]
        case .departamento: ["codigo_departamento", "cod_departamento", "departamento"]
        case .subgrupo:
            [
                "codigo_sub_grupo_gasto", "codigo_subgrupo_gasto", "cod_subgrupo", "codigo_subgrupo", "subgrupo_gasto",
                "sub_grupo_gasto", "subgrupo", "sub_grupo",
            ]
        case .region: ["codigo_region", "cod_region", "region"]
        case .ubicacionGeografica:
            [
                "codigo_ubicacion_geografica", "ubicacion_geografica", "geografico", "ubicacion", "geo",
                "cod_geografico",
                "codigo_geografico",
            ]
        case .mes: ["mes", "numero_mes", "mes_numero"]
        case .asignado: ["asignado", "asignacion", "presupuesto_asignado", "aprobado", "asignado_inicial"]
        case .adicion: ["adicion", "adiciones", "ampliacion", "ampliaciones"]
        case .disminucion: ["disminucion", "disminuciones", "reduccion", "reducciones"]
        case .traspasoPositivo:
            ["traspaso_p", "traspasos_p", "traspaso_positivo", "traspasos_positivos", "traspaso_mas", "traspasos_mas"]
        case .traspasoNegativo:
            [
                "traspaso_n", "traspasos_n", "traspaso_negativo", "traspasos_negativos", "traspaso_menos",
                "traspasos_menos",
            ]
        case .transferenciaPositiva:
            ["transferencia_p", "transferencias_p", "transferencia_positiva", "transferencias_positivas"]
        case .transferenciaNegativa:
            ["transferencia_n", "transferencias_n", "transferencia_negativa", "transferencias_negativas"]
        case .modificado: ["modificado", "modificaciones", "modificacion", "modificaciones_netas", "modificado_neto"]
        case .vigente: ["vigente", "presupuesto_vigente", "asignado_vigente"]
        case .precomprometido: ["precomprometido", "pre_comprometido", "precompromiso", "pre_compromiso"]
        case .comprometido: ["comprometido", "compromiso", "comprometido_total"]
        case .devengado: ["devengado", "devengado_total", "total_devengado", "devengado_acumulado"]
        case .pagado: ["pagado", "pagado_total", "total_pagado"]
        }
    }

    /// Headers that hold the name printed next to the code, when the file has both.
    var nameHeaders: [String] {
        let base: String
        switch self {
        case .entidad: base = "entidad"
        case .unidadEjecutora: base = "unidad_ejecutora"
        case .programa: base = "programa"
        case .subprograma: base = "sub_programa"
        case .proyecto: base = "proyecto"
        case .actividad: base = "actividad"
        case .obra: base = "obra"
        case .renglon: base = "renglon"
        case .fuente: base = "fuente"
        case .organismo: base = "organismo"
        case .tipoPresupuesto: base = "tipo_presupuesto"
        case .finalidad: base = "finalidad"
        case .funcion: base = "funcion"
        case .division: base = "division"
        case .departamento: base = "departamento"
        case .region: base = "region"
        case .subgrupo:
            return [
                "nombre_subgrupo", "subgrupo_nombre", "descripcion_subgrupo", "sub_grupo_gasto", "subgrupo_gasto",
                "subgrupo",
            ]
        default: return []
        }
        return ["nombre_\(base)", "\(base)_nombre", "descripcion_\(base)", "\(base)_descripcion", "desc_\(base)", base]
    }

    /// True for amount columns.
    var isAmount: Bool { Self.amountFields.contains(self) }

    static let amountFields: Set<ExecutionField> = [
        .asignado, .adicion, .disminucion, .traspasoPositivo, .traspasoNegativo, .transferenciaPositiva,
        .transferenciaNegativa, .modificado, .vigente, .precomprometido, .comprometido, .devengado, .pagado,
    ]

    /// Key codes, with the width their leading zeros are restored to (the renglón apart). The fuente may hold
    /// the whole financing source (`31-0151-0001`), which the parser splits.
    /// The amount fields in a fixed order (the row mapping's array of amounts; diagnostics come in this order).
    static let amountOrder: [ExecutionField] = [
        .asignado, .adicion, .disminucion, .traspasoPositivo, .traspasoNegativo, .transferenciaPositiva,
        .transferenciaNegativa, .modificado, .vigente, .precomprometido, .comprometido, .devengado, .pagado,
    ]

    /// Position in ``amountOrder``; nil for a field that is not an amount.
    var amountPosition: Int? {
        switch self {
        case .asignado: 0
        case .adicion: 1
        case .disminucion: 2
        case .traspasoPositivo: 3
        case .traspasoNegativo: 4
        case .transferenciaPositiva: 5
        case .transferenciaNegativa: 6
        case .modificado: 7
        case .vigente: 8
        case .precomprometido: 9
        case .comprometido: 10
        case .devengado: 11
        case .pagado: 12
        default: nil
        }
    }

    /// Position in ``keyWidths``; nil for a field that is not a code of the key.
    var keyPosition: Int? {
        switch self {
        case .entidad: 0
        case .unidadEjecutora: 1
        case .programa: 2
        case .subprograma: 3
        case .proyecto: 4
        case .actividad: 5
        case .obra: 6
        case .fuente: 7
        case .organismo: 8
        case .correlativo: 9
        case .ubicacionGeografica: 10
        default: nil
        }
    }

    static let keyWidths: [(ExecutionField, Int)] = [
        (.entidad, 8), (.unidadEjecutora, 3), (.programa, 2), (.subprograma, 2), (.proyecto, 3), (.actividad, 3),
        (.obra, 3), (.fuente, 2), (.organismo, 4), (.correlativo, 4), (.ubicacionGeografica, 4),
    ]

    /// Classification codes stored beside the key, with the width of their leading zeros (0: kept as written).
    static let classificationWidths: [(ExecutionField, Int)] = [
        (.tipoPresupuesto, 0), (.finalidad, 0), (.funcion, 0), (.division, 0), (.departamento, 2), (.subgrupo, 3),
        (.region, 0),
    ]

    /// The Spanish label used in messages when the file's own header is not at hand.
    var label: String {
        switch self {
        case .unidadEjecutora: "unidad ejecutora"
        case .tipoPresupuesto: "tipo de presupuesto"
        case .funcion: "función"
        case .division: "división"
        case .region: "región"
        case .ubicacionGeografica: "ubicación geográfica"
        case .traspasoPositivo: "traspasos +"
        case .traspasoNegativo: "traspasos −"
        case .transferenciaPositiva: "transferencias +"
        case .transferenciaNegativa: "transferencias −"
        case .renglon: "renglón"
        case .adicion: "adición"
        case .disminucion: "disminución"
        default: rawValue
        }
    }
}
