import Domain
import Foundation
import GRDB
import Publishing
import TestSupport
import Testing

@testable import Ledger

/// The link, unlinked, reconciliation and follow tables on a small ledger built through the ledger's API.
struct LinkTablesTests {
    private static func ledger() throws -> Ledger {
        let ledger = try Ledger.inMemory()
        _ = try ledger.importMetas(
            Metas(products: [
                SampleValues.product("P02", actividad: "001"), SampleValues.product("P05", actividad: "004"),
            ]),
            source: ImportSource(sourceKind: "metas", fileName: "m.csv", sha256: "m", bytes: 1), toolVersion: "t",
            rowsRead: 2)
        _ = try ledger.importing(
            ImportSource(sourceKind: "ocds", fileName: "o.json", sha256: "o", bytes: 1), toolVersion: "t"
        ) { session in
            let published: Date? = if case .date(let date) = ProcurementDate.parse("2022-05-02") { date } else { nil }
            for (nog, centavos) in [("100", Int64(100_01)), ("200", Int64(50_00))] {
                try session.procurements().upsert(
                    Procurement(
                        nog: nog, title: "COMPRA \(nog)", buyingUnitCode: "436-2", status: "Adjudicado",
                        publishedAt: published,
                        awards: [
                            Award(
                                supplier: Supplier(scheme: .nit, identifier: "421450878", name: "P"),
                                amount: Money(centavos: centavos), status: "active")
                        ]))
            }
            return .commit(ImportCounts(rowsRead: 2, rowsAccepted: 2))
        }
        try ledger.linking(toolVersion: "t") { session in
            let run = try session.beginRun(ejercicio: 2022, mode: .full, inputsDigest: "d", importWatermark: 2)
            let links = [
                ProcurementLink(
                    ejercicio: 2022, nog: "100", productCode: "P02", renglon: Renglon(rawValue: "211"), method: .rule,
                    share: LinkShare(billionths: 333_333_334), amount: Money(centavos: 33_34),
                    provenance: LinkProvenance(ruleID: "r", label: "regla r"), dependsOn: [1, 2]),
                ProcurementLink(
                    ejercicio: 2022, nog: "100", productCode: "P05", renglon: Renglon(rawValue: "211"), method: .rule,
                    share: LinkShare(billionths: 666_666_666), amount: Money(centavos: 66_67),
                    provenance: LinkProvenance(ruleID: "r", label: "regla r"), dependsOn: [1, 2]),
                ProcurementLink(
                    ejercicio: 2022, nog: "100", productCode: "P05", method: .manual,
                    share: LinkShare(billionths: 0), amount: .zero,
                    provenance: LinkProvenance(manualFile: "manuales.csv", manualLine: 3, label: "manuales.csv:3"),
                    note: "=revisar, \"pendiente\""),
            ]
            try session.write(
                nog: "100", ejercicio: 2022, links: links, unlinked: nil, digest: "a", runID: run, replacing: false)
            try session.write(
                nog: "200", ejercicio: 2022, links: [],
                unlinked: UnlinkedProcurement(
                    ejercicio: 2022, nog: "200", reason: .ambiguous, detail: "v.csv:2"), digest: "b", runID: run,
                replacing: false)
            return (.commit, ())
        }
        return ledger
    }

    private let scope = DatasetScope(year: 2022)

    @Test("vinculos: one row per link with method, exact share, amount and provenance; the same for one NOG")
    func links() throws {
        let datasets = Datasets(ledger: try Self.ledger())
        let table = try datasets.table(.vinculos, scope: scope)
        let csv = CSVTableWriter.render(table)
        #expect(
            csv.hasPrefix(
                "ejercicio,mes,entidad,nog,titulo,producto,nombre_producto,subproducto,direccion_codigo,direccion,renglon,"
                    + "proveedor,metodo,participacion,monto,procedencia,regla,archivo_manual,linea_manual,evidencia,importaciones,nota\r\n"
            ))
        #expect(
            csv.contains(
                "2022,,,100,COMPRA 100,P02,Producto P02,,DP02,Dirección P02,211,,regla,0.333333334,33.34,regla r,r,,,,\"1,2\","
            ))
        #expect(table.rows.count == 3)
        var one = scope
        one.nog = "200"
        #expect(try datasets.table(.vinculos, scope: one).emptyReason?.contains("NOG 200") == true)
    }

    @Test(
        "vinculos written field by field into an export equals its cells (a manual link with file, line and note)",
        arguments: [(FormatProfile.abierto, false), (.excel, true)])
    func linkFields(profile: FormatProfile, jsonLines: Bool) throws {
        let ledger = try Self.ledger()
        let directory = try TemporaryDirectory()
        _ = try DatasetExporter(datasets: Datasets(ledger: ledger)).run(
            ExportRequest(
                datasets: [.vinculos], scope: scope, directory: directory.url, format: profile, jsonLines: jsonLines,
                created: Date(timeIntervalSince1970: 0), toolVersion: "t"))
        let table = try Datasets(ledger: ledger).table(.vinculos, scope: scope)
        let bom: [UInt8] = profile.writesByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        let csv = try Data(contentsOf: directory.file("vinculos.csv"))
        #expect(Array(csv) == bom + Array(CSVTableWriter.render(table, profile: profile).utf8))
        let json = try String(
            contentsOf: directory.file(jsonLines ? "vinculos.jsonl" : "vinculos.json"), encoding: .utf8)
        #expect(json == (jsonLines ? JSONTableWriter.renderLines(table) : JSONTableWriter.render(table)))
        #expect(json.contains("\"archivo_manual\": \"manuales.csv\", \"linea_manual\": 3"))
        let manual = String(decoding: csv, as: UTF8.self).split(separator: "\r\n").last.map(String.init)
        // The manual link's row as the cells wrote it before: empty subproduct, renglón, supplier, rule, evidence
        // and dependencies; the note quoted (and neutralized in the excel profile).
        let expected =
            profile == .excel
            ? "2022;;;100;COMPRA 100;P05;Producto P05;;DP05;Dirección P05;;;manual;0;0,00;manuales.csv:3;;manuales.csv;3;;;"
                + "\"'=revisar, \"\"pendiente\"\"\""
            : "2022,,,100,COMPRA 100,P05,Producto P05,,DP05,Dirección P05,,,manual,0,0.00,manuales.csv:3,,manuales.csv,3,,,"
                + "\"=revisar, \"\"pendiente\"\"\""
        #expect(manual == expected)
    }

    @Test(
        "vinculos read in place prints what the link's values print: id lists renumbered, a bad renglón empty, a title cut at NUL, non-ASCII text",
        arguments: [(FormatProfile.abierto, false), (.excel, true)])
    func storedValuesAsRead(profile: FormatProfile, jsonLines: Bool) throws {
        let ledger = try Self.ledger()
        try ledger.writer.write { db in
            try db.execute(
                sql: """
                    UPDATE procurement_link SET evidence_ids = '007,,3', depends_on = '5,x,12', renglon = 'A1',
                        supplier_id = 'Niño'
                    WHERE product_code = 'P02'
                    """)
            try db.execute(
                sql: "UPDATE procurement_link SET evidence_ids = '4,12', depends_on = '' WHERE method = 'manual'")
            try db.execute(sql: "UPDATE procurement SET title = 'COMPRA' || char(0) || 'oculto' WHERE nog = '100'")
        }
        let table = try Datasets(ledger: ledger).table(.vinculos, scope: scope)
        let csv = CSVTableWriter.render(table)
        #expect(
            csv.contains(
                "2022,,,100,COMPRA,P02,Producto P02,,DP02,Dirección P02,,Niño,regla,0.333333334,33.34,regla r,r,,,\"7,3\",\"5,12\","
            ))
        #expect(csv.contains(",manuales.csv,3,\"4,12\",,"))
        // The same bytes when the export writes the rows field by field.
        let directory = try TemporaryDirectory()
        _ = try DatasetExporter(datasets: Datasets(ledger: ledger)).run(
            ExportRequest(
                datasets: [.vinculos], scope: scope, directory: directory.url, format: profile, jsonLines: jsonLines,
                created: Date(timeIntervalSince1970: 0), toolVersion: "t"))
        let bom: [UInt8] = profile.writesByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        let written = try Data(contentsOf: directory.file("vinculos.csv"))
        #expect(Array(written) == bom + Array(CSVTableWriter.render(table, profile: profile).utf8))
        let json = try String(
            contentsOf: directory.file(jsonLines ? "vinculos.jsonl" : "vinculos.json"), encoding: .utf8)
        #expect(json == (jsonLines ? JSONTableWriter.renderLines(table) : JSONTableWriter.render(table)))
    }

    @Test("compras_sin_vincular lists each unlinked purchase with its reason code, label and detail")
    func unlinked() throws {
        let table = try Datasets(ledger: try Self.ledger()).table(.comprasSinVincular, scope: scope)
        let csv = CSVTableWriter.render(table)
        #expect(
            csv.contains(
                "2022,,,200,COMPRA 200,,Adjudicado,50.00,evidencia_ambigua,la evidencia corresponde a más de un producto,v.csv:2"
            ))
    }

    @Test("seguimiento: the process, its award, each product with share and method, as a table and as text")
    func follow() throws {
        var one = scope
        one.nog = "100"
        let view = try Datasets(ledger: try Self.ledger()).follow(one)
        #expect(view.found)
        let json = JSONTableWriter.render(view.table)
        #expect(json.contains("\"seccion\": \"producto\", \"campo\": \"P05\""))
        #expect(json.contains("\"participacion\": 0.666666666, \"metodo\": \"regla\""))
        #expect(view.text.contains("Productos y direcciones a los que sirvió (2022)"))
        #expect(view.text.contains("66.67 % · Q66.67 · por regla · regla r"))
        one.nog = "999"
        #expect(try Datasets(ledger: try Self.ledger()).follow(one).found == false)
    }

    @Test("verificaciones names the rows each finding points at")
    func checksRows() throws {
        let table = try Datasets(ledger: try Self.ledger()).table(.verificaciones, scope: scope)
        #expect(table.columns.last?.name == "filas")
        let csv = CSVTableWriter.render(table)
        #expect(csv.contains("vinculos.participaciones"))
        #expect(!csv.contains("nog:100"), "the shares of NOG 100 add up to 1")
    }
}
