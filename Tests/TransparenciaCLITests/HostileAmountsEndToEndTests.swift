import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// Amounts chosen to overflow 64-bit centavos, through the built binary: every import refuses them with file,
/// line and field, and a ledger that already holds such values reports a Spanish error instead of crashing
/// (exit 132, Swift's overflow trap).
struct HostileAmountsEndToEndTests {
    static let executionHeader =
        "EJERCICIO,ENTIDAD,UNIDAD EJECUTORA,PROGRAMA,SUBPROGRAMA,PROYECTO,ACTIVIDAD,OBRA,RENGLON,FUENTE,"
        + "ASIGNADO,MODIFICADO,VIGENTE,DEVENGADO,PAGADO"

    private func freshLedger() throws -> (TemporaryDirectory, BinaryRunner) {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        return (directory, runner)
    }

    @Test(
        "import ejecucion refuses asignado 92233720368547758.07 and two lines of 5e16, with or without --allow-rejects")
    func execution() throws {
        let (directory, runner) = try freshLedger()
        let files = [
            try directory.write(
                "uno.csv",
                text: Self.executionHeader
                    + "\n2022,11130016,208,01,00,000,001,000,011,11,92233720368547758.07,0.00,0.00,0.00,0.00\n"),
            try directory.write(
                "dos.csv",
                text: Self.executionHeader
                    + "\n2022,11130016,208,01,00,000,001,000,011,11,50000000000000000.00,0.00,50000000000000000.00,0.00,0.00"
                    + "\n2022,11130016,208,01,00,000,001,000,012,11,50000000000000000.00,0.00,50000000000000000.00,0.00,0.00\n"
            ),
            try directory.write(
                "ckan.json",
                text: #"{"success": true, "result": {"records": ["#
                    + [11, 12].map { renglon in
                        #"{"ejercicio": 2022, "codigoEntidad": 11130016, "codigoPrograma": 1, "codigoActividad": 1, "#
                            + #""codigoRenglon": \#(renglon), "asignado": 5e16, "modificado": 0, "vigente": 5e16, "#
                            + #""devengado": 0, "pagado": 0}"#
                    }.joined(separator: ",") + "]}}"),
        ]
        for file in files {
            let result = try runner.run(["import", "ejecucion", file.path])
            #expect(result.status == 2, "\(file.lastPathComponent): \(result.stderr)")
            // Records of a JSON file are numbered from 1, lines of a CSV file count the header.
            let line = file.pathExtension == "json" ? 1 : 2
            #expect(result.stderr.contains("\(file.lastPathComponent):\(line): campo «"), "\(result.stderr)")
            #expect(result.stderr.contains("supera el máximo aceptado para un monto (Q1,000,000,000,000.00)"))
            let lenient = try runner.run(["import", "ejecucion", "--allow-rejects", file.path])
            #expect(lenient.status != 132 && lenient.status != 4, "\(lenient.stderr)")
        }
        #expect(try runner.run(["report", "grupos", "--year", "2022"]).status != 132)
    }

    @Test("import compras refuses two awards of 50,000,000,000,000,000.00; report compras and check never trap")
    func comprasAndResumen() throws {
        let (directory, runner) = try freshLedger()
        let compras = try directory.write(
            "compras.csv",
            text: """
                NOG CONCURSO;DESCRIPCION;MODALIDAD;ESTATUS;FECHA DE PUBLICACION;NIT;NOMBRE;MONTO
                16089638;MOBILIARIO;Compra Directa;Adjudicado;25-01-2022;421450878;UNO;50,000,000,000,000,000.00
                16089646;SILLAS;Compra Directa;Adjudicado;25-01-2022;421450879;DOS;50,000,000,000,000,000.00

                """)
        let imported = try runner.run(["import", "compras", compras.path])
        #expect(imported.status == 2, "\(imported.stderr)")
        #expect(imported.stderr.contains("compras.csv:2: campo «MONTO»: error:"), "\(imported.stderr)")
        #expect(imported.stderr.contains("compras.csv:3: campo «MONTO»: error:"))
        for format in ["table", "csv", "json"] {
            #expect(try runner.run(["report", "compras", "--year", "2022", "--format", format]).status == 0)
        }
        let resumen = try directory.write(
            "resumen.csv",
            text: """
                ejercicio,producto,producto_codigo,monto,porcentaje_declarado
                2022,Uno,P01,"50,000,000,000,000,000.00",50%
                2022,Dos,P02,"50,000,000,000,000,000.00",50%
                2022,Total,,"92,000,000,000,000,000.00",100%

                """)
        let summary = try runner.run(["import", "resumen", resumen.path])
        #expect(summary.status == 2, "\(summary.stderr)")
        #expect(
            summary.stderr.contains("resumen.csv:2: campo «monto»: error: «50,000,000,000,000,000.00» supera el máximo")
        )
        #expect(try runner.run(["check"]).status == 0)
    }

    @Test(
        "a ledger already holding amounts no file can have gives a Spanish error in report compras and a finding in check"
    )
    func ledgerWithOutOfScaleAmounts() throws {
        let (directory, runner) = try freshLedger()
        // Written through the library as an older version of the tool could have: 2 × Q50,000 billones.
        let ledger = try Ledger.open(path: directory.file("transparencia.sqlite").path)
        let huge = Money(centavos: 5_000_000_000_000_000_000)
        let published = ProcurementDate.date(year: 2022, month: 3, day: 1, hour: 9, minute: 0, second: 0)
        _ = try ledger.importing(
            ImportSource(sourceKind: "prueba", fileName: "antiguo", sha256: "a1", bytes: 1), toolVersion: "0.0.1"
        ) { session in
            for (nog, nit) in [("16089638", "1"), ("16089646", "2")] {
                try session.procurements().upsert(
                    Procurement(
                        nog: nog, title: "X", modalityCode: "compra_directa", status: "Adjudicado",
                        publishedAt: published,
                        awards: [
                            Award(
                                supplier: Supplier(partyID: "GT-NIT-\(nit)", name: "P\(nit)"), amount: huge,
                                status: "active")
                        ]))
            }
            return .commit(ImportCounts(rowsRead: 2, rowsAccepted: 2))
        }
        _ = try ledger.importDeclaredShares(
            [
                DeclaredShare(
                    ejercicio: 2022, line: 2, label: "Uno", productCode: "P01", amount: huge, declaredPercent: "50",
                    isTotal: false),
                DeclaredShare(
                    ejercicio: 2022, line: 3, label: "Dos", productCode: "P02", amount: huge, declaredPercent: "50",
                    isTotal: false),
                DeclaredShare(
                    ejercicio: 2022, line: 4, label: "Total", productCode: nil, amount: huge, declaredPercent: "100",
                    isTotal: true),
            ],
            source: ImportSource(sourceKind: "resumen", fileName: "antiguo.csv", sha256: "a2", bytes: 1),
            toolVersion: "0.0.1")
        // The screen and JSON carry the totals by modality and status, whose sum overflows.
        for format in ["table", "json"] {
            let report = try runner.run(["report", "compras", "--year", "2022", "--format", format])
            #expect(report.status == 2, "\(format): \(report.status) \(report.stderr)")
            #expect(report.stderr.contains("excede el máximo representable"), "\(report.stderr)")
        }
        // The CSV is the listing alone (streamed, no sum in it): each process's amount, exact.
        let csv = try runner.run(["report", "compras", "--year", "2022", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains(huge.plainText), "\(csv.stdout)")
        #expect(
            try runner.run(["report", "compras", "--year", "2022", "--totals", "modalidad", "--format", "csv"]).status
                == 2)
        let check = try runner.run(["check"])
        #expect(check.status == 1, "\(check.status) \(check.stderr)")
        #expect((check.stdout + check.stderr).contains("excede el máximo representable"))
    }
}
