import Domain
import Foundation

/// The products table: each directorate's products and subproducts with unit, meta física planned and executed
/// (with its cut-off and progress), presupuesto vigente, share of the total and budget structure, plus a totals
/// row.
public enum ProductsTable {
    /// The columns a terminal shows (the full table is too wide for a screen).
    public static let screenColumns = [
        "direccion_codigo", "codigo", "nombre", "unidad_medida", "meta_fisica", "meta_ejecutada", "avance_fisico",
        "presupuesto_vigente", "porcentaje",
    ]

    /// Builds the table for one fiscal year's metas; `month` is the month the publication reports (the metas
    /// themselves are annual).
    /// - Throws: ``Domain/MoneyOverflowError`` when the products' budgets add up beyond 64-bit centavos.
    public static func build(_ metas: Metas, title: String, month: Int? = nil) throws -> DataTable {
        let mes: Cell = month.map { .integer(Int64($0)) } ?? .empty
        let total = try Money.sum(metas.products.map(\.presupuestoVigente))
        var rows: [[Cell]] = []
        let subproducts = Dictionary(grouping: metas.subproducts, by: \.productCode)
        let executed = Dictionary(
            metas.executed.map { ($0.code, $0) }, uniquingKeysWith: { $0.mes >= $1.mes ? $0 : $1 })
        for product in metas.products {
            let structure = product.structure
            let share = product.presupuestoVigente.percent(of: total).map(Cell.percent) ?? .empty
            let budgetCodes: [Cell] = [
                .text(structure.unidadEjecutora ?? ""), .text(structure.programa), .text(structure.subprograma),
                .text(structure.proyecto), .text(structure.actividad), .text(structure.obra),
            ]
            var row: [Cell] = [
                .integer(Int64(product.ejercicio)), mes, .text(structure.entidad), .text(product.directorate.code),
                .text(product.directorate.name), .text("producto"), .text(product.code), .empty, .text(product.name),
                .text(product.meta.unidadMedida), .decimal(product.meta.cantidad),
            ]
            row += progress(executed[product.code], planned: product.meta.cantidad)
            row += [.money(product.presupuestoVigente), share] + budgetCodes
            rows.append(row)
            for subproduct in subproducts[product.code] ?? [] {
                var row: [Cell] = [
                    .integer(Int64(subproduct.ejercicio)), mes, .text(structure.entidad),
                    .text(product.directorate.code), .text(product.directorate.name), .text("subproducto"),
                    .text(subproduct.code), .text(product.code), .text(subproduct.name),
                    .text(subproduct.meta.unidadMedida), .decimal(subproduct.meta.cantidad),
                ]
                row += progress(executed[subproduct.code], planned: subproduct.meta.cantidad)
                row += [subproduct.presupuestoVigente.map(Cell.money) ?? .empty, .empty] + budgetCodes
                rows.append(row)
            }
        }
        var totals = Array(repeating: Cell.empty, count: columns.count)
        totals[3] = .text("TOTAL")
        totals[4] = .text("TOTAL")
        totals[10] = .text(metaTotals(metas.products))
        let executedProducts = metas.products.compactMap { product in
            executed[product.code].map { PhysicalGoal(unidadMedida: product.meta.unidadMedida, cantidad: $0.cantidad) }
        }
        if !executedProducts.isEmpty { totals[11] = .text(metaTotals(executedProducts)) }
        totals[14] = .money(total)
        totals[15] = total.centavos > 0 ? .percent(100) : .empty
        return DataTable(name: "productos", title: title, columns: columns, rows: rows, totals: [totals])
    }

    /// The executed goal, its cut-off (`2022-08`) and executed / planned as a percentage; empty cells when the
    /// ledger has no executed goal for the code.
    static func progress(_ goal: ExecutedGoal?, planned: Decimal) -> [Cell] {
        guard let goal else { return [.empty, .empty, .empty] }
        return [
            .decimal(goal.cantidad), .text(String(format: "%04d-%02d", goal.ejercicio, goal.mes)),
            goal.percent(of: planned).map(Cell.percent) ?? .empty,
        ]
    }

    /// Product-level metas summed per unit of measure, largest first: `58,425 Persona · 12 Documento`.
    static func metaTotals(_ products: [Product]) -> String {
        metaTotals(products.map(\.meta))
    }

    /// Goals summed per unit of measure, largest first.
    static func metaTotals(_ goals: [PhysicalGoal]) -> String {
        var sums: [String: Decimal] = [:]
        for goal in goals { sums[goal.unidadMedida, default: 0] += goal.cantidad }
        return sums.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { "\(DigitGrouping.grouped($0.value)) \($0.key)" }.joined(separator: " · ")
    }

    public static let columns: [DataColumn] = [
        Provenance.ejercicio(), Provenance.mes(Provenance.requestedMonth + " (las metas son anuales)"),
        Provenance.entidad("Entidad SICOIN del producto"),
        DataColumn("direccion_codigo", .string, "Código de la dirección"),
        DataColumn("direccion", .string, "Dirección responsable"),
        DataColumn("nivel", .string, "producto o subproducto"),
        DataColumn("codigo", .string, "Código del producto o subproducto"),
        DataColumn("producto_padre", .string, "Producto al que pertenece el subproducto"),
        DataColumn("nombre", .string, "Nombre del producto o subproducto"),
        DataColumn("unidad_medida", .string, "Unidad de medida de la meta física"),
        DataColumn("meta_fisica", .number, "Meta física vigente"),
        DataColumn(
            "meta_ejecutada", .number,
            "Meta física ejecutada, acumulada de enero al fin del mes de corte (vacía sin reporte de ejecución)"),
        DataColumn(
            "corte", .string, "Mes de corte de la meta ejecutada (AAAA-MM): el último importado hasta el mes pedido"),
        DataColumn("avance_fisico", .number, "Avance físico: meta ejecutada / meta física vigente, en porcentaje"),
        DataColumn("presupuesto_vigente", .number, "Presupuesto vigente en quetzales"),
        DataColumn("porcentaje", .number, "Porcentaje del presupuesto vigente total (productos)"),
        DataColumn("unidad_ejecutora", .string, "Unidad ejecutora SICOIN"),
        DataColumn("programa", .string, "Programa presupuestario"),
        DataColumn("subprograma", .string, "Subprograma"),
        DataColumn("proyecto", .string, "Proyecto"),
        DataColumn("actividad", .string, "Actividad"),
        DataColumn("obra", .string, "Obra"),
    ]
}
