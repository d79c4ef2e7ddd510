import Domain
import Foundation
import Ledger

/// The links of a year (one row per link) and the purchases left unlinked (one row each, with the reason).
struct LinkTables {
    let ledger: Ledger
    let scope: DatasetScope

    func table(_ dataset: Dataset) throws -> DataTable {
        let collector = TableCollector()
        try write(dataset, to: collector)
        return collector.table
    }

    /// Writes `vinculos` link by link from the ledger (a national year has hundreds of thousands), or the unlinked
    /// purchases, a table of the few the last pass left.
    func write(_ dataset: Dataset, to sink: any TableSink) throws {
        let year = try scope.linkYear(ledger)
        let provenance = [
            Provenance.integer(year), Provenance.integer(scope.month), Provenance.text(scope.sicoinFilter.entidad),
        ]
        switch dataset {
        case .comprasSinVincular:
            var table = try unlinked(year: year)
            Provenance.stamp(&table, columns: Self.provenanceColumns, cells: provenance)
            try table.replay(into: sink)
        default: try writeLinks(year: year, provenance: provenance, to: sink)
        }
    }

    private static let provenanceColumns = [
        Provenance.ejercicio(), Provenance.mes(Provenance.requestedMonth), Provenance.entidad(Provenance.scopeEntity),
    ]

    private func writeLinks(year: Int?, provenance: [Cell], to sink: any TableSink) throws {
        let rows = try TableRows(
            TableHeading(
                name: Dataset.vinculos.rawValue,
                title:
                    "Vínculos compra → producto \(year.map(String.init) ?? "")\(scope.nog.map { " · NOG \($0)" } ?? "")",
                columns: Self.provenanceColumns + Self.linkColumns), into: sink)
        var total = Money.zero
        var count = 0
        try rows.writing {
            let metas = try year.map { try ledger.metas(ejercicio: $0) } ?? Metas()
            let products = Dictionary(metas.products.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            guard let year else { return }
            try ledger.forEachLinkRow(ejercicio: year, nog: scope.nog, buyer: scope.procurementScope(year: year)) {
                link in
                let amount = link.integer(.amount) ?? 0
                total = try total + Money(centavos: amount)
                count += 1
                let productCode = StoredText.string(link.text(.productCode) ?? StoredText.empty)
                try rows.write(
                    LinkRow(provenance: provenance, link: link, amount: amount, product: products[productCode]))
            }
        }
        guard count > 0 else {
            try rows.finish(
                TableFooting(
                    emptyReason: "sin datos: no hay vínculos\(year.map { " del ejercicio \($0)" } ?? "")"
                        + "\(scope.nog.map { " para el NOG \($0)" } ?? ""); créelos con `transparencia link`"))
            return
        }
        var totals = Array(repeating: Cell.empty, count: Self.provenanceColumns.count + Self.linkColumns.count)
        totals[Self.provenanceColumns.count] = .text("Total")
        totals[Self.provenanceColumns.count + 11] = .money(total)
        try rows.finish(TableFooting(totals: [totals]))
    }

    /// A `vinculos` row: the link read in place, with its purchase's title, and its product as the metas name it.
    /// The values are those of the link as ``Domain/ProcurementLink`` reads it (tested): a renglón that is not one
    /// is empty, an unknown method is `manual`, and the id lists are written as their numbers joined by commas.
    private struct LinkRow: TableRow {
        let provenance: [Cell]
        let link: LinkRowView
        let amount: Int64
        let product: Product?

        func fill<Fields: RowFields>(_ fields: inout Fields) {
            for cell in provenance { fields.cell(cell) }
            fields.storedText(link.text(.nog) ?? StoredText.empty)
            fields.presentStoredText(link.text(.title))
            fields.storedText(link.text(.productCode) ?? StoredText.empty)
            fields.presentText(product?.name)
            fields.presentStoredText(link.text(.subproductCode))
            fields.presentText(product?.directorate.code)
            fields.presentText(product?.directorate.name)
            if let renglon = link.text(.renglon), renglon.count == 3, renglon.allSatisfy(Self.isDigit) {
                fields.storedText(renglon)
            } else {
                fields.empty()
            }
            fields.presentStoredText(link.text(.supplierID))
            let method = link.text(.method) ?? StoredText.empty
            fields.text(
                (LinkMethod.allCases.first { $0.rawValue.utf8.elementsEqual(method) } ?? .manual).rawValue)
            fields.cell(.decimal(LinkShare(billionths: link.integer(.shareBillionths) ?? 0).decimal))
            fields.money(amount)
            fields.storedText(link.text(.provenance) ?? StoredText.empty)
            fields.presentStoredText(link.text(.ruleID))
            fields.presentStoredText(link.text(.manualFile))
            fields.optionalInteger(link.integer(.manualLine).map(Int.init))
            let evidence = link.text(.evidenceIDs) ?? StoredText.empty
            if Self.isIDList(evidence) {
                if evidence.isEmpty { fields.empty() } else { fields.storedText(evidence) }
            } else {
                let ids = Self.ids(evidence)
                fields.presentText(ids.isEmpty ? nil : ids)
            }
            let depends = link.text(.dependsOn) ?? StoredText.empty
            if Self.isIDList(depends) { fields.storedText(depends) } else { fields.text(Self.ids(depends)) }
            fields.presentStoredText(link.text(.note))
        }

        private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        /// True when the stored list is already as the link's ids print: numbers without sign or leading zeros
        /// (and short of Int64's limits), one comma between them.
        private static func isIDList(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var digits = 0
            var leadingZero = false
            for byte in bytes {
                if byte == UInt8(ascii: ",") {
                    guard digits > 0 else { return false }
                    digits = 0
                } else if isDigit(byte) {
                    if digits == 1 && leadingZero { return false }
                    if digits == 0 { leadingZero = byte == UInt8(ascii: "0") }
                    digits += 1
                    guard digits <= 18 else { return false }
                } else {
                    return false
                }
            }
            return bytes.isEmpty || digits > 0
        }

        /// The ids a stored list holds, as ``Domain/LinkProvenance`` reads them, joined by commas.
        private static func ids(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            StoredText.string(bytes).split(separator: ",").compactMap { Int64($0) }.map(String.init).joined(
                separator: ",")
        }
    }

    private func unlinked(year: Int?) throws -> DataTable {
        let unlinked = try year.map { try ledger.unlinkedProcurements(ejercicio: $0, nog: scope.nog) } ?? []
        let procurements =
            try year.map { try ledger.unlinkedLinkableProcurements(ejercicio: $0, scope.procurementScope(year: $0)) }
            ?? []
        let byNOG = Dictionary(procurements.map { ($0.nog, $0) }, uniquingKeysWith: { first, _ in first })
        let catalog = ModalityCatalog.bundled
        let rows: [[Cell]] = try unlinked.map { item in
            let procurement = byNOG[item.nog]
            return [
                .text(item.nog), text(procurement?.title),
                text(procurement?.modalityCode.map { catalog.modality(code: $0)?.shortName ?? $0 }),
                text(procurement?.status),
                try procurement?.awardedTotal.map(Cell.money) ?? .empty, .text(item.reason.rawValue),
                .text(item.reason.label),
                text(item.detail.isEmpty ? nil : item.detail),
            ]
        }
        var table = DataTable(
            name: Dataset.comprasSinVincular.rawValue, title: "Compras sin vincular \(year.map(String.init) ?? "")",
            columns: [
                DataColumn("nog", .string, "Número de Operación Guatecompras"),
                DataColumn("titulo", .string, "Qué se compró"), DataColumn("modalidad", .string, "Modalidad de compra"),
                DataColumn("estado", .string, "Estado del concurso en Guatecompras"),
                DataColumn("monto_adjudicado", .number, "Suma de adjudicaciones activas (vacío: sin adjudicación)"),
                DataColumn(
                    "motivo", .string, "sin_evidencia, evidencia_ambigua, producto_desconocido o evidencia_sin_monto"),
                DataColumn("descripcion_motivo", .string, "El motivo en palabras"),
                DataColumn("detalle", .string, "Filas de evidencia y códigos que lo explican"),
            ],
            rows: rows)
        if unlinked.isEmpty {
            table.emptyReason =
                try year.map { try ledger.linkRuns(ejercicio: $0).isEmpty } == false
                ? "ninguna compra quedó sin vincular\(year.map { " en \($0)" } ?? "")"
                : "sin datos: no se ha vinculado\(year.map { " el ejercicio \($0)" } ?? ""); use `transparencia link`"
        }
        return table
    }

    private func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }

    static let linkColumns: [DataColumn] = [
        DataColumn("nog", .string, "Número de Operación Guatecompras"),
        DataColumn("titulo", .string, "Qué se compró"),
        DataColumn("producto", .string, "Código del producto en las metas"),
        DataColumn("nombre_producto", .string, "Nombre del producto en las metas"),
        DataColumn("subproducto", .string, "Código del subproducto, cuando se sabe"),
        DataColumn("direccion_codigo", .string, "Código de la dirección responsable del producto"),
        DataColumn("direccion", .string, "Dirección responsable del producto"),
        DataColumn("renglon", .string, "Renglón al que se cargó, cuando se sabe"),
        DataColumn(
            "proveedor", .string, "NIT o identificador del proveedor de la adjudicación, cuando la fuente lo nombra"),
        DataColumn("metodo", .string, "evidencia, regla o manual"),
        DataColumn("participacion", .number, "Parte de la compra (las de un NOG suman 1)"),
        DataColumn("monto", .number, "Parte del monto adjudicado (reparto exacto al centavo, restos mayores)"),
        DataColumn("procedencia", .string, "Filas de evidencia, regla o archivo y línea que lo produjo"),
        DataColumn("regla", .string, "Id de la regla que lo produjo (método regla)"),
        DataColumn("archivo_manual", .string, "Archivo de vínculos manuales (método manual)"),
        DataColumn("linea_manual", .integer, "Línea de ese archivo"),
        DataColumn("evidencia", .string, "Ids de las filas de evidencia"),
        DataColumn("importaciones", .string, "Importaciones de las que depende"),
        DataColumn("nota", .string, "Nota del vínculo"),
    ]
}
