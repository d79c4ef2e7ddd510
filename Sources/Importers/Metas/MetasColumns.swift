import Domain
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

    /// The executed quantity accumulated to the cut-off, under the names SIGES/SICOIN reports give it (headers
    /// are compared normalized: `Meta ejecutada`, `Ejecución física` and `EJECUTADO` all match). The first one
    /// present is read; a value written as a percentage (`57 %`) is refused. `Avance` is not among them: SIGES
    /// titles its percentage `% Avance`, which normalizes to the same key, and progress is computed, not read.
    public static let executedAliases = [
        "meta_ejecutada", "meta_fisica_ejecutada", "ejecutado", "ejecucion_fisica", "ejecucion_acumulada",
    ]

    /// The cut-off month of the executed quantity (`8`, `agosto`); `--month` gives it for the whole file.
    public static let cutoffAliases = ["corte", "mes_corte", "mes_de_corte"]

    /// The month a monthly executed column holds: `enero` … `diciembre` (also `setiembre`), alone or after
    /// `ejecutado_` / `ejecucion_` (`Ejecutado enero`); nil for any other column.
    public static func executedMonth(_ key: String) -> Int? {
        var name = key
        for prefix in ["ejecutado_", "ejecucion_", "meta_ejecutada_"] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        if name == "setiembre" { return 9 }
        return SpanishMonth.names.firstIndex(of: name).map { $0 + 1 }
    }

    /// The columns a file of executed goals alone needs (its products must already be in the ledger).
    public static let executedOnlyRequired = [codigo]

    /// The columns of the planned layout (products with their budget), required unless the file holds executed
    /// goals alone.
    public static let plannedRequired = [
        ejercicio, nivel, codigo, productoPadre, direccionCodigo, direccion, nombre, unidadMedida, metaFisica,
        presupuestoVigente, entidad, unidadEjecutora, programa, actividad,
    ]
}
