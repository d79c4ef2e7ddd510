import Foundation
import TestSupport
import Testing

/// `transparencia export` on the demo's ledger, as an officer would publish it.
@Suite(.serialized)
struct ExportDemoCLITests {
    /// A fixed publication date (`SOURCE_DATE_EPOCH`) so two runs write the same bytes.
    static let epoch = ["SOURCE_DATE_EPOCH": "1700000000"]

    /// The demo run in a fresh folder: its ledger, profile and `salida/`.
    static func demo(samples: URL = BinaryRunner.samples) throws -> (TemporaryDirectory, BinaryRunner) {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        let result = try runner.run(["demo", "--samples", samples.path], environment: epoch)
        #expect(result.status == 0, "\(result.stderr)")
        return (directory, runner)
    }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test("the demo publishes every table as CSV and JSON with a datapackage.json, byte for byte (golden)")
    func goldenPublication() throws {
        let (directory, runner) = try Self.demo()
        let salida = directory.file("salida")
        // The demo's LAIP portal lives beside the open data, in its own folder (checked in DemoEndToEndTests).
        let entries = try FileManager.default.contentsOfDirectory(atPath: salida.path)
        #expect(entries.contains("sitio"))
        let names = entries.filter { $0 != "sitio" }.sorted()
        let tables = [
            "adjudicaciones", "compras", "compras_sin_vincular", "conciliacion_por_grupo", "conciliacion_por_mes",
            "conciliacion_por_producto", "conciliacion_por_renglon", "ejecucion", "ejecucion_por_actividad",
            "ejecucion_por_grupo", "ejecucion_por_renglon", "productos", "proveedores", "verificaciones", "vinculos",
            "banderas",
        ]
        #expect(names == (tables.flatMap { [$0 + ".csv", $0 + ".json"] } + ["datapackage.json"]).sorted())
        for name in names {
            let text = try Self.read(salida.appendingPathComponent(name))
            #expect(text == (try Golden.text("demo/" + name, actual: text)), "\(name) differs from its golden file")
        }
        // report and export are the same code: the same bytes.
        for (report, table) in [
            ("grupos", "ejecucion_por_grupo"), ("renglones", "ejecucion_por_renglon"),
            ("actividades", "ejecucion_por_actividad"),
            ("productos", "productos"), ("compras", "compras"),
        ] {
            let printed = try runner.run(["report", report, "--year", "2022", "--format", "csv"])
            #expect(
                printed.stdout == (try Self.read(salida.appendingPathComponent(table + ".csv"))), "report \(report)")
        }
    }

    @Test(
        "the four reconciliations written together (one read) equal each written alone, for the year and a cuatrimestre",
        arguments: [[String](), ["--cuatrimestre", "2"]])
    func reconciliationsTogether(period: [String]) throws {
        let (directory, runner) = try Self.demo()
        let names = [
            "conciliacion_por_producto", "conciliacion_por_grupo", "conciliacion_por_renglon", "conciliacion_por_mes",
        ]
        let together = try runner.run(
            ["export", "--year", "2022", "--tables", names.joined(separator: ","), "--output", "juntas"] + period,
            environment: Self.epoch)
        #expect(together.status == 0, "\(together.stderr)")
        for name in names {
            let alone = try runner.run(
                ["export", "--year", "2022", "--tables", name, "--output", "sola-" + name] + period,
                environment: Self.epoch)
            #expect(alone.status == 0, "\(alone.stderr)")
            for file in [name + ".csv", name + ".json"] {
                let written = try Self.read(directory.file("juntas/" + file))
                #expect(written == (try Self.read(directory.file("sola-\(name)/" + file))), "\(file) \(period)")
                #expect(written.contains("ejecucion_sin_compra"))
            }
            // The cuatrimestre's tables as the tool wrote them before they were built together (golden).
            if !period.isEmpty {
                let written = try Self.read(directory.file("juntas/\(name).csv"))
                #expect(written == (try Golden.text("demo-cuatrimestre-2/\(name).csv", actual: written)), "\(name)")
            }
        }
    }

    @Test("export ocds writes the record package (golden) that imports back into the same rows")
    func ocdsRoundTrip() throws {
        let (directory, runner) = try Self.demo()
        let written = try runner.run(
            ["export", "ocds", "--year", "2022", "--output", "ocds/registros.json"], environment: Self.epoch)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.contains("escrito ocds/registros.json (36 registros OCDS)"))
        let package = try Self.read(directory.file("ocds/registros.json"))
        #expect(package == (try Golden.text("demo-ocds-registros.json", actual: package)))
        let releases = try runner.run(
            ["export", "ocds", "--year", "2022", "--package", "entregas", "--output", "ocds/entregas.json"],
            environment: Self.epoch)
        #expect(releases.status == 0, "\(releases.stderr)")

        for file in ["ocds/registros.json", "ocds/entregas.json"] {
            let db = "vuelta-\(file.hasSuffix("registros.json") ? "r" : "e").sqlite"
            #expect(try runner.run(["init", "--db", db]).status == 0)
            let imported = try runner.run(["import", "ocds", "--db", db, "--quiet", file])
            #expect(imported.status == 0, "\(imported.stderr)")
            // The budget links come from their own file, as in the demo.
            for evidence in ["vinculos-sosep-2022.csv", "insumos-sosep-2022-complemento.csv"] {
                let links = BinaryRunner.samples.appendingPathComponent("vinculos/" + evidence).path
                #expect(try runner.run(["import", "vinculos", "--db", db, "--quiet", links]).status == 0)
            }
            let again = try runner.run([
                "export", "--db", db, "--year", "2022", "--tables", "compras,adjudicaciones,proveedores", "--output",
                "vuelta",
            ])
            #expect(again.status == 0, "\(again.stderr)")
            for table in ["compras", "adjudicaciones", "proveedores"] {
                #expect(
                    try Self.read(directory.file("vuelta/\(table).csv"))
                        == (try Self.read(directory.file("salida/\(table).csv"))),
                    "\(file): \(table) is not the same after the round trip")
            }
        }
    }

    @Test("--format-profile excel, --jsonl, --dry-run, a legacy table argument and an unknown table")
    func options() throws {
        let (directory, runner) = try Self.demo()
        let excel = try runner.run([
            "export", "--year", "2022", "--format-profile", "excel", "--jsonl", "--output", "excel",
        ])
        #expect(excel.status == 0, "\(excel.stderr)")
        let bytes = try Data(contentsOf: directory.file("excel/ejecucion_por_grupo.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(
            text.contains(
                "\r\n2022;12;2022-12-31;11130016;300;Propiedad, Planta, Equipo e Intangibles;5766957,27;5839648,84;"))
        #expect(FileManager.default.fileExists(atPath: directory.file("excel/compras.jsonl").path))

        let dry = try runner.run(["export", "--year", "2022", "--output", "nada", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stderr.contains("se escribiría nada/compras.csv y nada/compras.json (36 filas)"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("nada").path))

        let legacy = try runner.run(["export", "productos", "--output", "uno"])
        #expect(legacy.status == 0, "\(legacy.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.file("uno").path).sorted()
                == ["datapackage.json", "productos.csv", "productos.json"])

        let unknown = try runner.run(["export", "--tables", "compra"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no hay una tabla «compra»; tablas: compras, adjudicaciones, proveedores"))
    }

    @Test("a profile that does not allow natural persons' columns: exit 2, the cells named, nothing published")
    func privacyRefusal() throws {
        let (directory, runner) = try Self.demo()
        let before = try Self.read(directory.file("salida/adjudicaciones.csv"))
        let profile = try Self.read(BinaryRunner.samples.appendingPathComponent("sosep.toml"))
        let strict = profile.components(separatedBy: "columnas_personales_permitidas")[0]
        try directory.write("estricto.toml", text: strict + "\n[ejercicio]\nfiscal = 2022\n")
        let refused = try runner.run(["export", "--profile", "estricto.toml", "--output", "salida"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("no se publicó nada"))
        #expect(refused.stderr.contains("columna «nombre_proveedor»: parece el nombre o NIT de una persona individual"))
        #expect(!refused.stderr.contains("LOPEZ"), "the message does not publish the name either")
        #expect(
            try Self.read(directory.file("salida/adjudicaciones.csv")) == before, "the previous publication is intact")
        let ocds = try runner.run(["export", "ocds", "--profile", "estricto.toml", "--output", "ocds.json"])
        #expect(ocds.status == 2)
        #expect(ocds.stderr.contains("ocds, columna «proveedor»"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("ocds.json").path))
    }

    @Test("the changelog between two demo runs with one changed sample shows exactly that change")
    func changelog() throws {
        let (first, _) = try Self.demo()
        let samples = try TemporaryDirectory()
        let copy = samples.file("Samples")
        try FileManager.default.copyItem(at: BinaryRunner.samples, to: copy)
        // NOG 16106805 was «Evaluación»; the changed sample says it was declared «Desierto».
        let ocds = copy.appendingPathComponent("compras/ocds-sosep-2022.json")
        let text = try Self.read(ocds)
        let start = try #require(text.range(of: "\n   \"ocid\": \"ocds-xqjsxa-16106805\""))
        let end = try #require(text.range(of: "\n   \"ocid\": \"ocds-xqjsxa-", range: start.upperBound..<text.endIndex))
        let record = String(text[start.lowerBound..<end.lowerBound])
            .replacingOccurrences(of: "\"statusDetails\": \"Evaluación\"", with: "\"statusDetails\": \"Desierto\"")
        try (String(text[..<start.lowerBound]) + record + String(text[end.lowerBound...]))
            .write(to: ocds, atomically: true, encoding: .utf8)

        let (secondDirectory, second) = try Self.demo(samples: copy)
        let result = try second.run([
            "export", "--year", "2022", "--output", "nueva", "--since", first.file("salida").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(": 1\n"))
        let changes = try Self.read(secondDirectory.file("nueva/cambios.csv"))
        #expect(
            changes == """
                ejercicio,mes,entidad,tabla,cambio,clave,campo,valor_anterior,valor_nuevo\r
                2022,,11130016,compras,modificada,nog=16106805,estado,Evaluación,Desierto\r

                """)
    }
}
