import Foundation

/// The blank profile `init` writes when given none: every key present and empty, with comments that
/// say what each one is for. Blank means "every entity in the ledger".
public enum ProfileTemplate {
    public static let blank = """
        # Perfil de la institución para transparencia.
        # En blanco, los reportes cubren todas las entidades del libro de datos.
        # Los códigos van entre comillas para conservar los ceros a la izquierda.

        [institucion]
        nombre = ""          # Nombre oficial de la institución
        siglas = ""          # Siglas (aparecen en los reportes)

        [sicoin]
        entidad = ""         # Código de entidad SICOIN, 8 dígitos (p. ej. "11130016")
        unidad_ejecutora = "" # Unidad ejecutora dentro de la entidad (p. ej. "208")

        [guatecompras]
        entidad = ""         # Id de la entidad compradora en Guatecompras (GT-CISP-…)
        unidades_compradoras = []  # Ids de las unidades compradoras, p. ej. ["2"]
        nombres = []         # Nombres de la entidad o sus unidades como los escriben las exportaciones planas
                             # (sin códigos), p. ej. ["SECRETARÍA DE OBRAS SOCIALES DE LA ESPOSA DEL PRESIDENTE"]

        [laip]
        unidad_responsable = ""  # Unidad responsable de publicar (Unidad de Información Pública)
        contacto = ""            # Correo o teléfono institucional de contacto
        licencia = ""            # Licencia de los datos publicados, p. ej. "CC-BY-4.0"

        [ejercicio]
        # fiscal = 2025      # Ejercicio fiscal por omisión de los reportes

        """
}
