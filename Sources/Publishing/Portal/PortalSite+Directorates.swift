import Domain
import Foundation
import Ledger

extension PortalSite {
    /// A Seguimiento page per directorate: its products and metas, the purchases linked to them and the
    /// execution of their budget structures by expense group.
    func writeDirectorates() throws {
        let (entidad, unidad) = scope.sicoinFilter
        let lines =
            metas.products.isEmpty
            ? [] : try datasets.ledger.currentBudgetAmounts(ejercicio: year, entidad: entidad, unidadEjecutora: unidad)
        for directorate in metas.directorates {
            let file = Self.fileName(directorate.code)
            let path = "direccion/\(file).html"
            var page = page(title: "Seguimiento: \(directorate.code) \(directorate.name)", path: path)
            page.presentacion =
                "Los productos de la dirección, sus metas físicas, las compras vinculadas a ellos y la ejecución "
                + "de su presupuesto por grupo de gasto, \(periodText)."
            let own = products.filtered(title: "Productos y metas — \(directorate.name)") {
                products.cell($0, "direccion_codigo").plain == directorate.code
            }
            var goals = PortalSection(id: "metas", titulo: "Productos y metas físicas")
            goals.tablas = [
                HTMLTable.from(
                    own,
                    columns: [
                        "nivel", "codigo", "nombre", "unidad_medida", "meta_fisica", "meta_ejecutada", "corte",
                        "avance_fisico", "presupuesto_vigente", "porcentaje",
                    ])
            ]
            goals.descargas = [try pageData.write(own, as: "direccion-\(file)-productos", label: "Productos y metas")]

            let purchases = links.filtered(title: "Compras vinculadas — \(directorate.name)") {
                links.cell($0, "direccion_codigo").plain == directorate.code
            }
            var linked = PortalSection(id: "compras", titulo: "Compras vinculadas a sus productos")
            linked.parrafos = [
                "Cada vínculo dice su método (evidencia del gasto, regla o manual), la parte de la compra que sirve "
                    + "al producto y de dónde sale."
            ]
            linked.tablas = [
                HTMLTable.from(
                    purchases,
                    columns: [
                        "nog", "titulo", "producto", "subproducto", "renglon", "metodo", "participacion", "monto",
                        "procedencia",
                    ],
                    link: nogLinks(root: "../"))
            ]
            linked.descargas = [
                try pageData.write(purchases, as: "direccion-\(file)-compras", label: "Compras vinculadas")
            ]

            let execution = try directorateExecution(directorate, lines: lines)
            var spending = PortalSection(id: "ejecucion", titulo: "Ejecución por grupo de gasto")
            spending.parrafos = [
                "Suma de las líneas presupuestarias cuya estructura (programa … obra) es la de uno de sus productos."
            ]
            spending.barras = [groupChart(execution, id: "grafico-grupos", subject: " — \(directorate.code)")]
                .compactMap { $0 }
            spending.tablas = [HTMLTable.from(execution)]
            spending.descargas = [
                try pageData.write(execution, as: "direccion-\(file)-ejecucion", label: "Ejecución por grupo")
            ]
            page.secciones = [goals, linked, spending]
            try write(page, template: "direccion", path: path)
        }
    }

    /// The budget lines of a directorate's product structures, by expense group.
    private func directorateExecution(_ directorate: Directorate, lines: [BudgetLine]) throws -> DataTable {
        let structures = Set(metas.products.filter { $0.directorate.code == directorate.code }.map(\.structure))
        var groups: [GrupoGasto: ExecutionAmounts] = [:]
        for line in lines where structures.contains(line.key.structure) {
            groups[line.key.renglon.grupo] = try (groups[line.key.renglon.grupo] ?? .zero) + line.amounts
        }
        let catalog = RenglonCatalog.bundled
        func cells(_ amounts: ExecutionAmounts) -> [Cell] {
            [
                .money(amounts.vigente), .money(amounts.devengado),
                amounts.porcentajeEjecucion.map(Cell.percent) ?? .empty,
            ]
        }
        let sorted = groups.sorted { $0.key.rawValue < $1.key.rawValue }
        let total = try sorted.reduce(ExecutionAmounts.zero) { try $0 + $1.value }
        var table = DataTable(
            name: "ejecucion_direccion", title: "Ejecución por grupo de gasto — \(directorate.name)",
            columns: [
                DataColumn("grupo", .string, "Grupo de gasto"), DataColumn("nombre", .string, "Nombre del grupo"),
                DataColumn("vigente", .number, "Presupuesto vigente"), DataColumn("devengado", .number, "Devengado"),
                DataColumn("porcentaje_ejecucion", .number, "Devengado / vigente × 100"),
            ],
            rows: sorted.map { [.text($0.key.rawValue), .text(catalog.name(of: $0.key) ?? "")] + cells($0.value) },
            totals: sorted.isEmpty ? [] : [[.text("Total"), .empty] + cells(total)])
        if sorted.isEmpty {
            table.emptyReason = "no hay líneas de ejecución con la estructura de sus productos"
        }
        return table
    }
}
