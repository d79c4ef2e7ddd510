import Foundation

/// The columns of the procurement tables, stable Spanish snake_case names.
///
/// The process and supplier columns use the names Guatecompras' flat exports are read by (`descripcion`,
/// `entidad_compradora`, `unidad_compradora`, `modalidad`, `estado`, `fecha_publicacion`, `nit_proveedor`,
/// `nombre_proveedor`, `monto_adjudicado`), so an exported file imports back with `import compras`.
enum ProcurementColumns {
    /// ejercicio, mes, entidad as the procurement tables mean them.
    static let provenance = [
        Provenance.ejercicio(
            "Ejercicio: año de publicación del proceso (o de adjudicación, sin publicación), hora de Guatemala"),
        Provenance.mes("Mes de publicación del proceso (o de adjudicación, sin publicación), hora de Guatemala"),
        Provenance.entidad(
            "Entidad compradora: código institucional del MINFIN (GT-CISP), vacío si la fuente no lo da"),
    ]

    /// The process fields both `compras` and `adjudicaciones` start with, after the provenance.
    static let process = [
        DataColumn("nog", .string, "Número de Operación Guatecompras"),
        DataColumn("ocid", .string, "Identificador OCDS del proceso (ocds-xqjsxa-NOG), si la fuente lo da"),
        DataColumn(
            "numeral_laip", .integer, "Numeral del Art. 10 de la LAIP: 20 cotización y licitación, 22 compras directas"),
        DataColumn("fecha_publicacion", .date, "Fecha de publicación (hora de Guatemala)"),
        DataColumn("fecha_adjudicacion", .date, "Fecha de adjudicación (la primera, si hay varias)"),
        DataColumn("entidad_compradora", .string, "Nombre de la entidad compradora"),
        DataColumn("unidad_compradora_codigo", .string, "Entidad y unidad compradora de Guatecompras (436-2)"),
        DataColumn("unidad_compradora", .string, "Nombre de la unidad compradora"),
        DataColumn("modalidad_codigo", .string, "Código del catálogo de modalidades"),
        DataColumn("modalidad", .string, "Modalidad de compra (nombre del catálogo, o como la escribe la fuente)"),
        DataColumn("estado", .string, "Estatus del concurso en Guatecompras"),
    ]

    static let compras =
        provenance + process + [
            DataColumn("estado_ocds", .string, "tender.status de OCDS (active, complete, unsuccessful, withdrawn)"),
            DataColumn("categoria", .string, "Categoría principal OCDS (goods, services, works)"),
            DataColumn("descripcion", .string, "Qué se compra (título del concurso)"),
            DataColumn("adjudicaciones", .integer, "Número de adjudicaciones (una por proveedor)"),
            DataColumn(
                "monto_adjudicado", .number,
                "Suma de las adjudicaciones activas con monto, en quetzales; vacío si ninguna lo da"),
            DataColumn("contrato_numero", .string, "Número de contrato de la institución (varios separados por «; »)"),
            DataColumn(
                "fecha_aprobacion_contrato", .date, "Fecha de suscripción y aprobación del contrato (la primera)"),
            DataColumn("plazo_inicio", .date, "Inicio del plazo del contrato"),
            DataColumn("plazo_fin", .date, "Fin del plazo del contrato"),
            DataColumn("plazo_dias", .integer, "Plazo del contrato en días, contando el primero y el último"),
            DataColumn("monto_contratado", .number, "Suma de los montos de los contratos, en quetzales"),
            DataColumn(
                "renglones", .string,
                "Renglones presupuestarios del gasto, según los vínculos importados (separados por «; »)"),
        ]

    static let adjudicaciones =
        provenance + [
            DataColumn("nog", .string, "Número de Operación Guatecompras"),
            DataColumn("adjudicacion", .integer, "Número de la adjudicación dentro del proceso (1, 2…)"),
        ] + process.dropFirst() + [
            DataColumn("descripcion", .string, "Qué se compra (título del concurso)"),
            DataColumn("adjudicacion_id", .string, "Identificador publicado de la adjudicación (GT-ADJ-NOG-NIT)"),
            DataColumn("proveedor_esquema", .string, "GT-NIT (NIT guatemalteco) o GT-GCID (proveedor sin NIT)"),
            DataColumn("nit_proveedor", .string, "NIT del proveedor, o su identificador GT-GCID"),
            DataColumn("nombre_proveedor", .string, "Nombre o razón social del proveedor"),
            DataColumn("monto_adjudicado", .number, "Monto adjudicado en quetzales; vacío si la fuente no lo da"),
            DataColumn("estado_adjudicacion", .string, "Estado OCDS de la adjudicación (active, cancelled…)"),
            DataColumn(
                "estado_adjudicacion_detalle", .string, "Estado de la adjudicación en Guatecompras (Habilitado…)"),
        ]

    static let proveedores = [
        Provenance.ejercicio(), Provenance.mes(Provenance.requestedMonth),
        Provenance.entidad("Entidad SICOIN del perfil o de --entity; vacío: todas las entidades compradoras"),
        DataColumn("proveedor_id", .string, "Identificador OCDS del proveedor (GT-NIT-… o GT-GCID-…)"),
        DataColumn("proveedor_esquema", .string, "GT-NIT (NIT guatemalteco) o GT-GCID (proveedor sin NIT)"),
        DataColumn("nit_proveedor", .string, "NIT del proveedor, o su identificador GT-GCID"),
        DataColumn("nombre_proveedor", .string, "Nombre o razón social (el de su adjudicación más reciente)"),
        DataColumn("procesos", .integer, "Procesos (NOG) en que fue adjudicado"),
        DataColumn("adjudicaciones", .integer, "Adjudicaciones recibidas"),
        DataColumn("monto_adjudicado", .number, "Suma de sus adjudicaciones activas con monto, en quetzales"),
        DataColumn("adjudicaciones_sin_monto", .integer, "Adjudicaciones activas sin monto informado"),
        DataColumn("primera_adjudicacion", .date, "Fecha de su primera adjudicación en el período"),
        DataColumn("ultima_adjudicacion", .date, "Fecha de su última adjudicación en el período"),
    ]
}
