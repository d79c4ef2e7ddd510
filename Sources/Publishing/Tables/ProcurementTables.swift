import Domain
import Foundation

/// Procurement as published tables: one row per award (the open-data list) and totals by a key.
///
/// Only what Guatecompras publishes about the process and its awarded suppliers goes out; bidders (who may be
/// natural persons) and contact details stay in the ledger.
public enum ProcurementTables {
    /// One row per award, or one per process without awards (supplier columns empty). Amounts the source did
    /// not give are empty, never zero.
    public static func awards(_ procurements: [Procurement], title: String, modalityLabel: (String) -> String) -> DataTable {
        var rows: [[Cell]] = []
        for procurement in procurements {
            let awards: [Award?] = procurement.awards.isEmpty ? [nil] : procurement.awards
            for award in awards {
                rows.append([
                    .text(procurement.nog), text(procurement.ocid), text(procurement.publishedAt.map(ProcurementDate.dayString)),
                    text((award?.date ?? procurement.awardedAt).map(ProcurementDate.dayString)),
                    text(procurement.buyerEntityCode), text(procurement.buyerEntityName), text(procurement.buyingUnitCode),
                    text(procurement.buyingUnitName), text(procurement.modalityCode),
                    text(procurement.modalityCode.map(modalityLabel) ?? procurement.modalityText), text(procurement.status),
                    .text(procurement.title), text(award?.id), text(award?.supplier.scheme?.rawValue),
                    text(award?.supplier.identifier), text(award?.supplier.displayName),
                    award?.amount.map(Cell.money) ?? .empty, text(award?.status),
                ])
            }
        }
        return DataTable(name: "compras", title: title, columns: awardColumns, rows: rows)
    }

    /// Totals by one key (modality or status) with the overall total as the totals row.
    public static func totals(_ totals: ProcurementTotals, name: String, title: String, keyColumn: String) -> DataTable {
        func cells(_ row: ProcurementTotals.Row) -> [Cell] {
            [
                .text(row.label), .integer(Int64(row.processes)), .integer(Int64(row.awardedProcesses)),
                .money(row.awardedAmount), .integer(Int64(row.awardsWithoutAmount)),
            ]
        }
        return DataTable(
            name: name, title: title,
            columns: [
                DataColumn(keyColumn, .string), DataColumn("procesos", .integer, "Procesos"),
                DataColumn("procesos_adjudicados", .integer, "Procesos con al menos una adjudicación activa"),
                DataColumn("monto_adjudicado", .number, "Suma de adjudicaciones activas con monto"),
                DataColumn("adjudicaciones_sin_monto", .integer, "Adjudicaciones activas sin monto informado"),
            ],
            rows: totals.rows.map(cells), totals: [cells(totals.total)])
    }

    private static func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }

    /// The columns of the awards table, stable Spanish snake_case names.
    public static let awardColumns: [DataColumn] = [
        DataColumn("nog", .string, "Número de Operación Guatecompras"),
        DataColumn("ocid", .string, "Identificador OCDS del proceso"),
        DataColumn("fecha_publicacion", .date, "Fecha de publicación (hora de Guatemala)"),
        DataColumn("fecha_adjudicacion", .date, "Fecha de la adjudicación"),
        DataColumn("entidad_codigo", .string), DataColumn("entidad", .string),
        DataColumn("unidad_compradora_codigo", .string, "Entidad y unidad de Guatecompras (436-2)"),
        DataColumn("unidad_compradora", .string),
        DataColumn("modalidad_codigo", .string, "Código del catálogo de modalidades"), DataColumn("modalidad", .string),
        DataColumn("estado", .string, "Estatus del concurso en Guatecompras"), DataColumn("descripcion", .string),
        DataColumn("adjudicacion_id", .string), DataColumn("proveedor_esquema", .string, "GT-NIT o GT-GCID"),
        DataColumn("proveedor_id", .string, "NIT o identificador del proveedor"), DataColumn("proveedor_nombre", .string),
        DataColumn("monto_adjudicado", .number, "Monto adjudicado en quetzales; vacío si la fuente no lo da"),
        DataColumn("estado_adjudicacion", .string),
    ]
}
