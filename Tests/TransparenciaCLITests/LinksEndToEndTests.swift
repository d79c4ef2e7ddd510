import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// Links, reconciliation, following a NOG and the new checks, run as a user would on the SOSEP samples.
@Suite(.serialized)
struct LinksEndToEndTests {
    private static func sample(_ path: String) -> String { BinaryRunner.samples.appendingPathComponent(path).path }

    /// Imports the samples a linking pass reads into a fresh ledger; files can be replaced by tampered copies.
    private static func prepare(_ runner: BinaryRunner, replacing: [String: String] = [:]) throws {
        #expect(try runner.run(["init", "--profile-from", sample("sosep.toml")]).status == 0)
        let steps: [[String]] = [
            ["import", "metas", "metas/metas-sosep-2022.csv"], ["import", "compras", "compras/compras-sosep-2022.csv"],
            ["import", "ocds", "compras/ocds-sosep-2022.json"],
            ["import", "ejecucion", "ejecucion/ejecucion-sosep-2022.csv"],
            ["import", "vinculos", "vinculos/vinculos-sosep-2022.csv"],
            ["import", "vinculos", "vinculos/insumos-sosep-2022-complemento.csv"],
        ]
        for step in steps {
            let path = step[2]
            let result = try runner.run([step[0], step[1], replacing[path] ?? sample(path)])
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
    }

    private static func link(_ runner: BinaryRunner, manual: String? = nil, extra: [String] = []) throws
        -> BinaryRunner.Result
    {
        try runner.run(
            [
                "link", "--year", "2022", "--rules", sample("vinculos/reglas-sosep-2022.toml"), "--manual",
                manual ?? sample("vinculos/manuales-sosep-2022.csv"),
            ] + extra)
    }

    private static func money(_ text: String?) -> Money {
        (try? Money(parsing: text ?? "")) ?? .zero
    }

    @Test("link on the samples: every NOG linked with its expected method; the split adds up to the centavo")
    func link() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        try Self.prepare(runner)
        let result = try Self.link(runner)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("compras examinadas: 36"))
        #expect(
            result.stdout.contains(
                "Libro, 2022: 36 compras vinculadas (21 por evidencia, 14 por regla, 1 manual); 0 sin vincular"))
        #expect(result.stdout.contains("nunca coinciden: obras-centros (línea 108)"))
        #expect(
            result.stdout.contains(
                "NOG 17049289: vincula «mantenimiento-vehiculos»; también coincide «vehiculos-servicio-social»"))

        let csv = CSVText.records(try runner.run(["export", "--tables", "vinculos", "--output", "salida"]).stdout)
        #expect(csv.isEmpty, "export writes files, not stdout")
        let links = CSVText.records(try String(contentsOf: directory.file("salida/vinculos.csv"), encoding: .utf8))
        let byNOG = Dictionary(grouping: links) { $0["nog"] ?? "" }
        #expect(byNOG.count == 36)
        #expect(byNOG.values.filter { $0.first?["metodo"] == "evidencia" }.count == 21)
        #expect(byNOG.values.filter { $0.first?["metodo"] == "regla" }.count == 14)
        #expect(byNOG["16974281"]?.map { $0["metodo"] } == ["manual"])
        let split = try #require(byNOG["17121890"])
        #expect(split.map { $0["producto"] } == ["P01", "P05"])
        #expect(split.map { $0["monto"] } == ["83149.73", "35635.60"])
        #expect(try Money.sum(split.map { Self.money($0["monto"]) }) == Money(centavos: 11_878_533))
        // Shares are exact to the billionth: Q83,149.73 of Q118,785.33 is 0.699999992…
        #expect(split.map { $0["participacion"] } == ["0.699999992", "0.300000008"])

        let again = try runner.run(["link", "--year", "2022"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("sin cambios desde la última vinculación"))
    }

    @Test("reconcile by producto and by grupo: key rows add up to the vigente and to the awarded total imported")
    func reconcile() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        try Self.prepare(runner)
        #expect(try Self.link(runner).status == 0)
        let compras = CSVText.records(
            try runner.run(["report", "compras", "--year", "2022", "--format", "csv"]).stdout)
        let awarded = try Money.sum(compras.map { Self.money($0["monto_adjudicado"]) })
        #expect(awarded == Money(centavos: 1_073_990_567), "Q10,739,905.67 awarded in the samples")
        for by in ["producto", "grupo"] {
            let result = try runner.run(["reconcile", "--year", "2022", "--by", by, "--format", "csv"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == (try Golden.text("conciliacion_por_\(by).csv", actual: result.stdout)))
            let rows = CSVText.records(result.stdout)
            let keys = rows.filter { $0["tipo"] == "clave" }
            #expect(try Money.sum(keys.map { Self.money($0["vigente"]) }) == Money(quetzales: 178_061_100), "\(by)")
            #expect(try Money.sum(keys.map { Self.money($0["adjudicado"]) }) == awarded, "\(by)")
            #expect(
                rows.contains {
                    $0["tipo"] == "compras_sin_vincular" && $0["compras"] == "0" && $0["adjudicado"] == "0.00"
                })
            #expect(rows.contains { $0["tipo"] == "ejecucion_sin_compra" })
            // The same bytes as the exported table.
            #expect(
                try runner.run(["export", "--year", "2022", "--tables", "conciliacion_por_\(by)", "--output", "e"])
                    .status == 0)
            #expect(
                try String(contentsOf: directory.file("e/conciliacion_por_\(by).csv"), encoding: .utf8) == result.stdout
            )
        }
        let producto = CSVText.records(
            try runner.run(["reconcile", "--year", "2022", "--by", "producto", "--format", "csv"]).stdout)
        #expect(
            producto.filter { $0["tipo"] == "clave" }.map { $0["producto"] } == ["P01", "P02", "P03", "P04", "P05"])
        let p02 = try #require(producto.first { $0["producto"] == "P02" })
        #expect(p02["vigente"] == "102153732.00" && p02["direccion_codigo"] == "DHC")

        let period = try runner.run([
            "reconcile", "--year", "2022", "--by", "mes", "--cuatrimestre", "3", "--format", "csv",
        ])
        #expect(period.status == 0, "\(period.stderr)")
        #expect(
            CSVText.records(period.stdout).filter { $0["tipo"] == "clave" }.map { $0["mes_calendario"] } == [
                "09", "10", "11", "12",
            ])
        let screen = try runner.run(["reconcile", "--year", "2022", "--by", "grupo"])
        #expect(screen.stdout.contains("Q178,061,100.00") && screen.stdout.contains("Compras sin vincular"))
    }

    @Test("seguir follows a sample NOG down to its products and directorates, on screen and as a table")
    func follow() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        try Self.prepare(runner)
        #expect(try Self.link(runner).status == 0)
        let text = try runner.run(["seguir", "17121890"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == (try Golden.text("seguir-17121890.txt", actual: text.stdout)))
        for expected in [
            "NOG 17121890 — SERVICIO DE ENERGÍA ELÉCTRICA", "82590753",
            "11130016-208 · 01-00-000-001-000 · renglón 111",
            "P01  Dirección y Coordinación — DC Dirección y Coordinación", "DMAD Dirección de Mis Años Dorados",
            "70.00 % · Q83,149.73 · por evidencia", "30.00 % · Q35,635.60", "meta física 5,000 Persona",
            "ninguna verificación señala este NOG",
        ] {
            #expect(text.stdout.contains(expected), "\(expected)")
        }
        let json = try runner.run(["seguir", "16974281", "--format", "json"])
        #expect(json.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let product = try #require(rows.first { $0["seccion"] as? String == "producto" })
        #expect(product["campo"] as? String == "P01" && product["metodo"] as? String == "manual")
        #expect((product["referencia"] as? String)?.hasPrefix("manuales-sosep-2022.csv:5") == true)
        let unknown = try runner.run(["seguir", "12345"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no está en el libro"))
    }

    @Test("link --dry-run leaves the ledger's bytes unchanged")
    func dryRun() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        try Self.prepare(runner)
        let before = try Data(contentsOf: directory.file("transparencia.sqlite"))
        let result = try Self.link(runner, extra: ["--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("simulación: no se escribió nada"))
        #expect(try Data(contentsOf: directory.file("transparencia.sqlite")) == before)
    }

    @Test("a tampered sample raises the expected check ids, exits 1, and check --format json names each finding's rows")
    func tampered() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        // OCDS: another amount for NOG 16089638 than the flat export, and a mistyped supplier NIT.
        var ocds = try String(
            contentsOf: URL(fileURLWithPath: Self.sample("compras/ocds-sosep-2022.json")), encoding: .utf8)
        ocds = ocds.replacingOccurrences(of: "5111.63", with: "5211.63")
            .replacingOccurrences(of: "GT-NIT-41714685K", with: "GT-NIT-417146859")
        try directory.write("ocds.json", text: ocds)
        // Metas: P04 without a physical goal.
        var metas = try String(
            contentsOf: URL(fileURLWithPath: Self.sample("metas/metas-sosep-2022.csv")), encoding: .utf8)
        metas = metas.replacingOccurrences(of: ",Persona,31515,", with: ",Persona,0,")
        try directory.write("metas.csv", text: metas)
        // Evidence: NOG 16406628 charged to an activity the execution does not have.
        let complement = try Data(
            contentsOf: URL(fileURLWithPath: Self.sample("vinculos/insumos-sosep-2022-complemento.csv")))
        var latin1 = String(decoding: complement, as: UTF8.self)
        if let decoded = String(data: complement, encoding: .windowsCP1252) { latin1 = decoded }
        latin1 = latin1.replacingOccurrences(
            of:
                ";16406628;;436-2 DEPARTAMENTO DE COMPRAS;Compra Directa con Oferta Electrónica (Art. 43 LCE Inciso b);11130016;208;11;00;000;001;",
            with:
                ";16406628;;436-2 DEPARTAMENTO DE COMPRAS;Compra Directa con Oferta Electrónica (Art. 43 LCE Inciso b);11130016;208;11;00;000;009;"
        )
        try directory.write("complemento.csv", latin1.data(using: .windowsCP1252) ?? Data())
        // Manual links: only half of NOG 16974281.
        try directory.write("manuales.csv", text: "nog,producto,renglon,participacion\n16974281,P01,155,0.5\n")
        try Self.prepare(
            runner,
            replacing: [
                "compras/ocds-sosep-2022.json": "ocds.json", "metas/metas-sosep-2022.csv": "metas.csv",
                "vinculos/insumos-sosep-2022-complemento.csv": "complemento.csv",
            ])
        let link = try Self.link(runner, manual: "manuales.csv")
        #expect(link.status == 0, "\(link.stderr)")
        #expect(
            link.stderr.contains(
                "manuales.csv:2: campo «participacion»: advertencia: las participaciones del NOG 16974281 suman 0.5"))
        #expect(link.stdout.contains("NOG 16406628: la evidencia no corresponde a ningún producto de las metas"))

        let check = try runner.run(["check", "--year", "2022", "--format", "json"])
        #expect(check.status == 1, "\(check.stderr)")
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let failing = Set(
            findings.filter { $0["estado"] as? String == "FALLA" }.compactMap { $0["verificacion"] as? String })
        for id in [
            "compras.adjudicado-fuentes", "proveedores.nit", "metas.ejecucion-sin-meta", "evidencia.linea-desconocida",
            "vinculos.participaciones",
        ] {
            #expect(failing.contains(id), "\(id) in \(failing)")
        }
        for finding in findings where finding["severidad"] is String {
            #expect(finding["verificacion"] is String && finding["mensaje"] is String)
        }
        let sources = try #require(findings.first { $0["verificacion"] as? String == "compras.adjudicado-fuentes" })
        #expect(sources["severidad"] as? String == "error")
        #expect(sources["filas"] as? String == "nog:16089638")
        let nit = try #require(findings.first { $0["verificacion"] as? String == "proveedores.nit" })
        #expect(nit["filas"] as? String == "proveedor:417146859; nog:16816974")
        let shares = try #require(findings.first { $0["verificacion"] as? String == "vinculos.participaciones" })
        #expect((shares["filas"] as? String)?.hasPrefix("nog:16974281") == true)

        let follow = try runner.run(["seguir", "16974281"])
        #expect(follow.stdout.contains("vinculos.participaciones"), "seguir lists the findings that name the NOG")

        // The settings file lowers a check to a warning: it no longer fails.
        let profile = try String(contentsOf: directory.file("transparencia.toml"), encoding: .utf8)
        try directory.write(
            "transparencia.toml",
            text: profile + """

                [verificaciones]
                "vinculos.participaciones" = "advertencia"
                """)
        let lowered = try runner.run(["check", "--year", "2022", "--only", "vinculos.participaciones"])
        #expect(lowered.status == 0, "\(lowered.stdout)")
        #expect(lowered.stdout.contains("advertencia: los vínculos del NOG 16974281"))
    }
}
