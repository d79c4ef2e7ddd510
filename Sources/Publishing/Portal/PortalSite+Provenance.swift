import Checks
import Domain
import Foundation
import Ledger

extension PortalSite {
    /// The provenance every page shows: source files, checks with findings, unlinked purchases.
    func makeProvenance() throws -> PortalProvenance {
        let runs = try datasets.ledger.importRuns()
        let files = DataTable(
            name: "importaciones", title: "Archivos importados al libro de datos",
            columns: [
                DataColumn("archivo"), DataColumn("tipo"), DataColumn("fecha_importacion"), DataColumn("sha256"),
                DataColumn("filas_aceptadas", .integer), DataColumn("filas_rechazadas", .integer),
            ],
            rows: runs.map { run in
                [
                    .text(run.fileName), .text(run.sourceKind), .text(PortalText.isoMinute(run.startedAt)),
                    .text(run.sha256),
                    .integer(Int64(run.rowsAccepted)), .integer(Int64(run.rowsRejected)),
                ]
            })
        let checks = CheckFindingsSummary.table(checkResults)
        let amount = try Money.sum(unlinked.rows.compactMap { unlinked.cell($0, "monto_adjudicado").money })
        let unlinkedText =
            unlinked.rows.isEmpty
            ? "Todas las compras del período están vinculadas a un producto."
            : "\(DigitGrouping.grouped(UInt64(unlinked.rows.count))) compra(s) por \(amount.formatted) adjudicados no "
                + "están vinculadas a ningún producto (detalle en datos/compras_sin_vincular.csv)."
        return PortalProvenance(
            archivos: HTMLTable.from(files, limit: 200), verificaciones: HTMLTable.from(checks, limit: 200),
            sinVincular: unlinkedText, cantidadArchivos: String(runs.count),
            cantidadVerificaciones: String(checkResults.filter { !$0.findings.isEmpty }.count))
    }
}
