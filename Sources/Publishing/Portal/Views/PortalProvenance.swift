/// Where a page's data comes from (`procedencia` template, on every page): the source files with their import
/// dates and SHA-256, the checks that found problems with their severity, and the purchases no link covers.
struct PortalProvenance: Sendable {
    var archivos: HTMLTable
    var verificaciones: HTMLTable
    var sinVincular: String
    var cantidadArchivos: String
    var cantidadVerificaciones: String
}
