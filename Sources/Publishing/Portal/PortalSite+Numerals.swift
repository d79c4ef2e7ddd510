import Domain
import Foundation

extension PortalSite {
    /// A numeral's page with its legal summary, period, update date and responsible unit.
    func numeralPage(_ numeral: PortalNumeral) -> PortalPage {
        var page = page(title: "Numeral \(numeral.rawValue): \(numeral.name)", path: numeral.fileName)
        page.textoLegal = numeral.legalSummary
        return page
    }

    /// Numeral 5: directorates, products and metas físicas, with the financial progress of each product.
    func writeNumeral5() throws {
        var page = numeralPage(.planYResultados)
        var goals = PortalSection(id: "productos", titulo: "Productos, subproductos y metas físicas")
        goals.parrafos = [
            "Cada producto y subproducto con su dirección responsable, unidad de medida, meta física programada y "
                + "ejecutada, y presupuesto vigente."
        ]
        goals.tablas = [
            HTMLTable.from(
                products,
                columns: [
                    "direccion_codigo", "direccion", "nivel", "codigo", "nombre", "unidad_medida", "meta_fisica",
                    "meta_ejecutada", "corte", "avance_fisico", "presupuesto_vigente", "porcentaje",
                ])
        ]
        goals.descargas = [PortalDownload(dataset: Dataset.productos.rawValue, label: Dataset.productos.summary)]
        if let chart = try directorateChart(id: "grafico-direcciones") { goals.barras = [chart] }

        var progress = PortalSection(id: "avance", titulo: "Avance financiero por producto")
        progress.parrafos = [
            "Presupuesto vigente y devengado de la estructura de cada producto, y compras vinculadas a él."
        ]
        progress.tablas = [
            HTMLTable.from(
                byProduct,
                columns: ["producto", "nombre", "direccion", "vigente", "devengado", "compras", "adjudicado"])
        ]
        progress.descargas = [
            PortalDownload(
                dataset: Dataset.conciliacionPorProducto.rawValue, label: Dataset.conciliacionPorProducto.summary),
            PortalDownload(
                dataset: Dataset.ejecucionPorActividad.rawValue, label: Dataset.ejecucionPorActividad.summary),
        ]
        var directorates = PortalSection(id: "direcciones", titulo: "Seguimiento por dirección")
        directorates.parrafos = metas.directorates.isEmpty ? ["No hay direcciones importadas."] : []
        directorates.tablas = metas.directorates.isEmpty ? [] : [directorateIndex()]
        page.secciones = [goals, progress, directorates]
        try write(page, template: "numeral", path: PortalNumeral.planYResultados.fileName)
    }

    /// The directorates as a table linking to their pages.
    func directorateIndex() -> HTMLTable {
        HTMLTable(
            leyenda: "Direcciones",
            encabezados: [
                HTMLTable.Header(texto: "Código", numerico: false),
                HTMLTable.Header(texto: "Dirección", numerico: false),
            ],
            filas: metas.directorates.map { directorate in
                HTMLTable.Row(celdas: [
                    HTMLTable.Cell(
                        texto: directorate.code, enlace: "direccion/\(Self.fileName(directorate.code)).html"),
                    HTMLTable.Cell(texto: directorate.name),
                ])
            }, totales: [], vacio: "Sin direcciones.")
    }

    /// Numeral 7: asignado, modificaciones and vigente by group, renglón and program/activity.
    func writeNumeral7() throws {
        var page = numeralPage(.presupuesto)
        func section(_ id: String, _ title: String, _ table: DataTable, keys: [String], dataset: Dataset) throws
            -> PortalSection
        {
            let withChanges = try Self.withModifications(table)
            var section = PortalSection(id: id, titulo: title)
            section.tablas = [HTMLTable.from(withChanges, columns: keys + ["asignado", "modificaciones", "vigente"])]
            section.descargas = [PortalDownload(dataset: dataset.rawValue, label: dataset.summary)]
            return section
        }
        var lines = PortalSection(id: "lineas", titulo: "Modificaciones por línea presupuestaria")
        lines.parrafos = [
            "Las modificaciones son la suma de adiciones, disminuciones, traspasos y transferencias: vigente = "
                + "asignado + modificaciones. El detalle por línea (cada tipo de modificación) está en la descarga."
        ]
        lines.descargas = [PortalDownload(dataset: Dataset.ejecucion.rawValue, label: Dataset.ejecucion.summary)]
        page.secciones = [
            try section(
                "grupos", "Por grupo de gasto", byGroup, keys: ["grupo", "nombre"], dataset: .ejecucionPorGrupo),
            try section(
                "renglones", "Por renglón", byRenglon, keys: ["renglon", "nombre"], dataset: .ejecucionPorRenglon),
            try section(
                "actividades", "Por programa y actividad", byActivity,
                keys: ["programa", "actividad", "nombre_actividad", "producto"], dataset: .ejecucionPorActividad),
            lines,
        ]
        try write(page, template: "numeral", path: PortalNumeral.presupuesto.fileName)
    }

    /// A table with `modificaciones` (vigente − asignado) after `asignado`, totals included.
    static func withModifications(_ table: DataTable) throws -> DataTable {
        func difference(_ row: [Cell]) throws -> Cell {
            guard let vigente = table.cell(row, "vigente").money, let asignado = table.cell(row, "asignado").money
            else {
                return .empty
            }
            return .money(try vigente - asignado)
        }
        var result = try table.adding(
            DataColumn("modificaciones", .number, "Modificaciones netas: vigente − asignado"), after: "asignado",
            values: difference)
        if let totals = table.totals.first, let position = result.column("modificaciones") {
            result.totals[0][position] = try difference(totals)
        }
        return result
    }

    /// Numeral 8: monthly execution by group, renglón and activity, and the cuatrimestral view.
    func writeNumeral8() throws {
        var page = numeralPage(.ejecucionMensual)
        var monthly = PortalSection(id: "mensual", titulo: "Devengado por mes")
        monthly.lineas = [monthlyChart(id: "grafico-meses")].compactMap { $0 }
        monthly.tablas = [
            HTMLTable.from(byMonth, columns: ["mes_calendario", "nombre", "devengado", "compras", "adjudicado"])
        ]
        monthly.descargas = [
            PortalDownload(dataset: Dataset.conciliacionPorMes.rawValue, label: Dataset.conciliacionPorMes.summary)
        ]
        let executionColumns = [
            "vigente", "comprometido", "comprometido_al_corte_anual", "devengado_periodo", "devengado_acumulado",
            "devengado", "pagado", "porcentaje_ejecucion",
        ]
        func section(_ id: String, _ title: String, _ table: DataTable, keys: [String], dataset: Dataset)
            -> PortalSection
        {
            var section = PortalSection(id: id, titulo: title)
            section.tablas = [HTMLTable.from(table, columns: keys + executionColumns)]
            section.descargas = [PortalDownload(dataset: dataset.rawValue, label: dataset.summary)]
            return section
        }
        var groups = section(
            "grupos", "Por grupo de gasto", byGroup, keys: ["grupo", "nombre"], dataset: .ejecucionPorGrupo)
        groups.barras = [groupChart(byGroup, id: "grafico-grupos", subject: "")].compactMap { $0 }
        page.secciones = [
            monthly, groups,
            section("renglones", "Por renglón", byRenglon, keys: ["renglon", "nombre"], dataset: .ejecucionPorRenglon),
            section(
                "actividades", "Por programa y actividad", byActivity,
                keys: ["programa", "actividad", "nombre_actividad", "producto"], dataset: .ejecucionPorActividad),
            try cuatrimestres(),
        ]
        try write(page, template: "numeral", path: PortalNumeral.ejecucionMensual.fileName)
    }

    /// The cuatrimestral view: each cuatrimestre's devengado by group (up to the month published).
    private func cuatrimestres() throws -> PortalSection {
        var section = PortalSection(id: "cuatrimestral", titulo: "Vista cuatrimestral por grupo de gasto")
        let last = scope.month.map { ($0 - 1) / 4 + 1 } ?? 3
        for cuatrimestre in 1...last {
            var period = scope
            period.month = nil
            period.cuatrimestre = cuatrimestre
            let table: DataTable
            do {
                table = try datasets.table(.ejecucionPorGrupo, scope: period)
            } catch let error as PublishingError {
                section.parrafos.append("Cuatrimestre \(cuatrimestre): \(error.localizedDescription).")
                continue
            }
            let caption = "Cuatrimestre \(cuatrimestre) (\(Self.cuatrimestreMonths(cuatrimestre)))"
            section.tablas.append(
                HTMLTable.from(
                    table, caption: caption,
                    columns: [
                        "grupo", "nombre", "vigente", "devengado_periodo", "devengado_acumulado",
                        "porcentaje_ejecucion",
                    ]))
            section.descargas.append(
                try pageData.write(table, as: "cuatrimestre-\(cuatrimestre)-por-grupo", label: caption))
        }
        return section
    }

    static func cuatrimestreMonths(_ cuatrimestre: Int) -> String {
        let first = (cuatrimestre - 1) * 4 + 1
        return "\(SpanishMonth.name(first) ?? "")–\(SpanishMonth.name(first + 3) ?? "")"
    }
}
