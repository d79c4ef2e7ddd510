import Foundation

/// The exclusions used when the settings file lists none (the same list `Samples/banderas/banderas.toml` shows).
enum DefaultExclusions {
    static let rules: [ExclusionRule] = [
        ExclusionRule(
            kind: .modalidad, values: ["subasta_electronica_inversa", "bienes_suministros_importados"],
            from: "2021-01-01",
            basis: "Reglamento LCE Art. 61 reformado por AG 147-2021: subasta inversa e importaciones no son "
                + "fraccionamiento (fecha de vigencia por verificar: se usa el año del acuerdo)"),
        ExclusionRule(
            kind: .modalidad,
            values: [
                "contrato_abierto", "casos_excepcion", "npg_casos_excepcion", "proveedor_unico",
                "negociaciones_entre_entidades_publicas", "npg_negociaciones_entre_entidades_publicas",
                "convenios_tratados_internacionales", "npg_convenios_tratados_donaciones", "donaciones",
                "arrendamiento_adquisicion_inmuebles", "npg_arrendamiento_adquisicion_inmuebles",
            ],
            basis: "Modalidades que no se rigen por los montos de los Arts. 38 y 43 LCE"),
        ExclusionRule(
            kind: .renglon, values: ["000", "111", "112", "113", "115"],
            basis: "Servicios personales (grupo 000) y servicios básicos (Art. 44 inciso g LCE)"),
        ExclusionRule(
            kind: .programa, values: [], renglones: ["211"], from: "2021-01-01",
            basis: "Alimentos perecederos del Programa de Alimentación Escolar (AG 147-2021); "
                + "agregue los pares \"entidad:programa\" del programa"),
    ]
}
