import ArgumentParser
import Domain
import Foundation
import Ledger

/// `transparencia report compras`: imported procurement with its awards, and totals by modality and status.
struct ReportComprasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compras",
        abstract: "Lista las compras importadas con sus adjudicaciones y totales por modalidad y por estado.",
        discussion: """
            Una línea por adjudicación (proveedor con NIT y monto); los procesos sin
            adjudicación aparecen con el proveedor vacío. Los montos no informados por
            la fuente se muestran vacíos, nunca como cero, y los totales indican cuántas
            adjudicaciones no tienen monto. El año es el de publicación en hora de
            Guatemala.

            Ejemplos:
              transparencia report compras --year 2022
              transparencia report compras --year 2022 --unit 436-2 --modality cotizacion
              transparencia report compras --format csv --output compras-2022.csv
            """
    )

    @Option(name: .long, help: ArgumentHelp("Año de publicación.", valueName: "año"))
    var year: Int?

    @Option(
        name: .long, help: ArgumentHelp("Unidad compradora: código (436-2) o parte del nombre.", valueName: "unidad"))
    var unit: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Modalidad: código del catálogo o nombre (p. ej. «cotización»).", valueName: "modalidad"))
    var modality: String?

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        let catalog = ModalityCatalog.bundled
        var modalityCode: String?
        if let modality {
            guard let found = catalog.modality(code: modality) ?? catalog.modality(matching: modality) else {
                throw CommandError.message(
                    "modalidad «\(modality)» desconocida; use un código o nombre del catálogo de modalidades")
            }
            modalityCode = found.code
        }
        let ledger = try ledgerOptions.openLedger()
        let procurements = try ledger.procurements(year: year, unit: unit, modalityCode: modalityCode)
        let modalityLabel = { (code: String) in catalog.modality(code: code)?.shortName ?? code }
        let byModality = ProcurementTotals(procurements, key: \.modalityCode, label: modalityLabel)
        let byStatus = ProcurementTotals(procurements, key: \.status, label: { $0 })
        let text: String
        switch outputOptions.format {
        case .table:
            text = table(procurements, byModality: byModality, byStatus: byStatus, modalityLabel: modalityLabel)
        case .csv: text = csv(procurements)
        case .json: text = try json(procurements, byModality: byModality, byStatus: byStatus)
        }
        if let output = outputOptions.output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            Terminal.note("escrito \(output) (\(procurements.count) procesos)")
        } else {
            print(text, terminator: "")
        }
    }

    /// One row per award (or one per process without awards).
    private func lines(_ procurements: [Procurement]) -> [(Procurement, Award?)] {
        procurements.flatMap { procurement in
            procurement.awards.isEmpty ? [(procurement, nil)] : procurement.awards.map { (procurement, $0) }
        }
    }

    private func table(
        _ procurements: [Procurement], byModality: ProcurementTotals, byStatus: ProcurementTotals,
        modalityLabel: (String) -> String
    ) -> String {
        var filters: [String] = []
        if let year { filters.append("año \(year)") }
        if let unit { filters.append("unidad \(unit)") }
        if let modality { filters.append("modalidad «\(modality)»") }
        var out =
            "Compras registradas\(filters.isEmpty ? "" : " (" + filters.joined(separator: ", ") + ")"): \(procurements.count) procesos\n\n"
        var rows: [[String]] = [
            ["NOG", "Publicación", "Modalidad", "Estado", "Proveedor", "Monto adjudicado", "Descripción"]
        ]
        for (procurement, award) in lines(procurements) {
            rows.append([
                procurement.nog, procurement.publishedAt.map(ProcurementDate.dayString) ?? "",
                procurement.modalityCode.map(modalityLabel) ?? procurement.modalityText ?? "", procurement.status ?? "",
                award.map { String("\($0.supplier.partyID) \($0.supplier.displayName)".prefix(50)) } ?? "",
                award.map { $0.amount?.formatted ?? "(sin monto)" } ?? "", String(procurement.title.prefix(60)),
            ])
        }
        out += Self.align(rows, rightAligned: [5])
        for (title, totals, column) in [
            ("Totales por modalidad", byModality, "Modalidad"), ("Totales por estado", byStatus, "Estado"),
        ] {
            out += "\n\(title)\n"
            var totalRows: [[String]] = [[column, "Procesos", "Adjudicados", "Monto adjudicado", "Sin monto"]]
            for row in totals.rows + [totals.total] {
                totalRows.append([
                    row.label, "\(row.processes)", "\(row.awardedProcesses)", row.awardedAmount.formatted,
                    "\(row.awardsWithoutAmount)",
                ])
            }
            out += Self.align(totalRows, rightAligned: [1, 2, 3, 4])
        }
        return out
    }

    private static func align(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        guard let columns = rows.first?.count else { return "" }
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    private func csv(_ procurements: [Procurement]) -> String {
        var out =
            "nog,ocid,fecha_publicacion,fecha_adjudicacion,entidad_codigo,entidad,unidad_compradora_codigo,unidad_compradora,"
            + "modalidad_codigo,modalidad,estado,descripcion,adjudicacion_id,proveedor_esquema,proveedor_id,proveedor_nombre,"
            + "monto_adjudicado,estado_adjudicacion\n"
        for (procurement, award) in lines(procurements) {
            let cells: [String?] = [
                procurement.nog, procurement.ocid, procurement.publishedAt.map(ProcurementDate.dayString),
                (award?.date ?? procurement.awardedAt).map(ProcurementDate.dayString), procurement.buyerEntityCode,
                procurement.buyerEntityName, procurement.buyingUnitCode, procurement.buyingUnitName,
                procurement.modalityCode, procurement.modalityText, procurement.status, procurement.title, award?.id,
                award?.supplier.scheme?.rawValue, award?.supplier.identifier, award?.supplier.name,
                award?.amount?.plainText, award?.status,
            ]
            out += cells.map { Self.csvCell($0 ?? "") }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// Quotes a cell when needed and neutralizes spreadsheet formulas in text (`=`, `+`, `-`, `@` at the start).
    private static func csvCell(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func json(_ procurements: [Procurement], byModality: ProcurementTotals, byStatus: ProcurementTotals) throws
        -> String
    {
        struct Report: Encodable {
            var procurements: [Procurement]
            var totalsByModality: ProcurementTotals
            var totalsByStatus: ProcurementTotals
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ProcurementDate.isoString(date))
        }
        let data = try encoder.encode(
            Report(procurements: procurements, totalsByModality: byModality, totalsByStatus: byStatus))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
