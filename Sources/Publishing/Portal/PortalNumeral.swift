/// The numerals of LAIP Art. 10 (Decreto 57-2008) the portal publishes, with a summary of what each asks.
enum PortalNumeral: Int, CaseIterable, Sendable {
    case planYResultados = 5
    case presupuesto = 7
    case ejecucionMensual = 8
    case cotizacionYLicitacion = 20
    case comprasDirectas = 22

    var fileName: String { "numeral-\(rawValue).html" }

    var name: String {
        switch self {
        case .planYResultados: "Plan operativo anual y resultados"
        case .presupuesto: "Presupuesto asignado, modificaciones y vigente"
        case .ejecucionMensual: "Ejecución presupuestaria mensual"
        case .cotizacionYLicitacion: "Contrataciones por cotización y licitación"
        case .comprasDirectas: "Compras directas y de baja cuantía"
        }
    }

    /// A summary of the numeral's legal text.
    var legalSummary: String {
        switch self {
        case .planYResultados:
            "Art. 10, numeral 5: la misión y objetivos de la institución, su plan operativo anual y los resultados "
                + "obtenidos en su cumplimiento. Aquí: direcciones, productos y subproductos con su meta física "
                + "programada y ejecutada y su presupuesto."
        case .presupuesto:
            "Art. 10, numeral 7: la información sobre el presupuesto de ingresos y egresos asignado para cada "
                + "ejercicio fiscal, los programas cuyos fondos se administran, las modificaciones y las "
                + "transferencias internas y externas. Aquí: asignado, modificaciones y vigente por grupo de gasto, "
                + "renglón y programa/actividad."
        case .ejecucionMensual:
            "Art. 10, numeral 8: los informes mensuales de ejecución presupuestaria de todos los renglones y de "
                + "todas las unidades. Aquí: devengado por mes, por grupo de gasto, renglón y actividad, y la vista "
                + "cuatrimestral."
        case .cotizacionYLicitacion:
            "Art. 10, numeral 20: las contrataciones de bienes, obras y servicios por cotización y licitación: "
                + "número de operación (NOG), fecha de adjudicación, proveedor, monto, plazo y fecha de aprobación "
                + "del contrato."
        case .comprasDirectas:
            "Art. 10, numeral 22: las compras directas realizadas (y las de baja cuantía), con los mismos datos que "
                + "las contrataciones."
        }
    }

    /// A line for the index.
    var summary: String {
        switch self {
        case .planYResultados: "Productos, metas físicas y avance por dirección."
        case .presupuesto: "Asignado, modificaciones y vigente por grupo, renglón y actividad."
        case .ejecucionMensual: "Devengado por mes y por cuatrimestre, por grupo, renglón y actividad."
        case .cotizacionYLicitacion: "Procesos con NOG, proveedores, montos, plazos y contratos."
        case .comprasDirectas: "Compras directas y de baja cuantía con sus proveedores y montos."
        }
    }
}
