import Domain
import Foundation

extension PortalSite {
    /// Numerals 20 and 22: the purchases of the numeral with NOG (linked to its page and Guatecompras), dates,
    /// suppliers, amount, term and contract approval date.
    func writeProcurementNumeral(_ numeral: PortalNumeral) throws {
        var page = numeralPage(numeral)
        let number = String(numeral.rawValue)
        var suppliers: [String: [String]] = [:]
        for row in awards.rows {
            let name = awards.cell(row, "nombre_proveedor").display
            let nit = awards.cell(row, "nit_proveedor").display
            let label = nit.isEmpty ? name : "\(name) (NIT \(nit))"
            suppliers[awards.cell(row, "nog").plain, default: []].append(label)
        }
        let table =
            procurements
            .filtered(title: "Numeral \(numeral.rawValue): \(numeral.name) — \(periodText)") {
                procurements.cell($0, "numeral_laip").plain == number
            }
            .adding(
                DataColumn("proveedores", .string, "Proveedores adjudicados (nombre y NIT), separados por «; »"),
                after: "estado"
            ) { row in
                let names = suppliers[procurements.cell(row, "nog").plain] ?? []
                return names.isEmpty ? .empty : .text(names.joined(separator: "; "))
            }
        let pageName = "compras-numeral-\(numeral.rawValue)"
        var section = PortalSection(id: "compras", titulo: "Procesos del período")
        section.parrafos = [
            "\(DigitGrouping.grouped(UInt64(table.rows.count))) procesos. El NOG lleva a la página de seguimiento "
                + "de cada compra; «Guatecompras» abre el concurso en el sistema oficial."
        ]
        section.tablas = [
            HTMLTable.from(
                table,
                columns: [
                    "nog", "fecha_publicacion", "fecha_adjudicacion", "descripcion", "modalidad", "estado",
                    "proveedores", "monto_adjudicado", "contrato_numero", "fecha_aprobacion_contrato",
                    "plazo_inicio", "plazo_fin", "plazo_dias", "monto_contratado",
                ],
                link: nogLinks(root: ""))
        ]
        section.descargas = [
            try pageData.write(
                table, as: pageName, label: "Esta tabla (compras del numeral \(numeral.rawValue) con proveedores)"),
            PortalDownload(dataset: Dataset.compras.rawValue, label: Dataset.compras.summary),
            PortalDownload(dataset: Dataset.adjudicaciones.rawValue, label: Dataset.adjudicaciones.summary),
            PortalDownload(dataset: Dataset.proveedores.rawValue, label: Dataset.proveedores.summary),
        ]
        page.secciones = [section]
        try write(page, template: "numeral", path: numeral.fileName)
    }
}
