import Foundation

/// The columns of a metas file (CSV header or JSON keys), in the order the CSV layout documents them.
public enum MetasColumns {
    public static let ejercicio = "ejercicio"
    /// `producto` or `subproducto`.
    public static let nivel = "nivel"
    public static let codigo = "codigo"
    /// For subproducts: the code of their product.
    public static let productoPadre = "producto_padre"
    public static let direccionCodigo = "direccion_codigo"
    public static let direccion = "direccion"
    public static let nombre = "nombre"
    public static let unidadMedida = "unidad_medida"
    public static let metaFisica = "meta_fisica"
    public static let presupuestoVigente = "presupuesto_vigente"
    public static let entidad = "entidad"
    public static let unidadEjecutora = "unidad_ejecutora"
    public static let programa = "programa"
    public static let subprograma = "subprograma"
    public static let proyecto = "proyecto"
    public static let actividad = "actividad"
    public static let obra = "obra"

    /// Every column of the CSV layout, in order.
    public static let all = [
        ejercicio, nivel, codigo, productoPadre, direccionCodigo, direccion, nombre, unidadMedida, metaFisica,
        presupuestoVigente, entidad, unidadEjecutora, programa, subprograma, proyecto, actividad, obra,
    ]
}
