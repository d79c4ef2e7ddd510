import Foundation
import TestSupport
import Testing

/// `transparencia banderas` run as a user would, on the samples.
@Suite(.serialized)
struct BanderasCommandTests {
    private func sample(_ path: String) -> String { BinaryRunner.samples.appendingPathComponent(path).path }

    /// A ledger with the OCDS sample and the input-level execution sample.
    private func prepared() throws -> (TemporaryDirectory, BinaryRunner) {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        #expect(try runner.run(["import", "ocds", sample("compras/ocds-sosep-2022.json")]).status == 0)
        #expect(try runner.run(["import", "vinculos", sample("vinculos/vinculos-sosep-2022.csv")]).status == 0)
        return (directory, runner)
    }

    @Test("--help is Spanish, lists TR01–TR20, none pending, and every example fits in 76 columns")
    func help() throws {
        let result = try BinaryRunner.run(["banderas", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("nunca hallazgos"))
        #expect(result.stdout.contains("TR02 Fraccionamiento por proveedor"))
        #expect(result.stdout.contains("TR20 Concentración de compras directas al cierre"))
        #expect(!result.stdout.contains("pendiente: requiere") && !result.stdout.contains("(pendiente"))
        let examples = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  transparencia banderas") }
        #expect(examples.count >= 5)
        for line in examples { #expect(line.count < 76, "\(line)") }
        let list = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  TR") }
        #expect(list.count == 20)
        for line in list { #expect(line.count < 96, "\(line)") }
    }

    @Test("on the samples it finds the planted split (3 compras directas to one NIT in 3 days) and exits 0")
    func samples() throws {
        // Keep the directory alive: it is removed when released.
        let (directory, runner) = try prepared()
        defer { withExtendedLifetime(directory) {} }
        let result = try runner.run(["banderas", "--year", "2022"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[ALTO] TR02 Fraccionamiento por proveedor"))
        #expect(result.stdout.contains("NOG 16621832") && result.stdout.contains("NOG 16719162"))
        #expect(result.stdout.contains("Q269,325.50"))
        #expect(result.stdout.contains("Por qué mirar y qué descartar primero:"))
        #expect(!result.stdout.contains("pendiente: requiere") && !result.stdout.contains("(pendiente"))
        #expect(result.stderr.contains("corrida 1 guardada"))

        let csv = try runner.run(["banderas", "--year", "2022", "--ids", "TR02", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("indicador,nombre,severidad,sujeto_tipo,sujeto_id") == true)
        #expect(lines.count == 2)
        #expect(lines.last?.contains("269325.50") == true)
        #expect(csv.stderr.contains("corrida 2 guardada"))

        let evidence = try runner.run(
            ["banderas", "--year", "2022", "--ids", "tr02", "--tabla", "evidencia", "--format", "json", "--dry-run"])
        #expect(evidence.status == 0)
        #expect(evidence.stdout.contains("\"referencia\": \"16700462\""))
        #expect(evidence.stderr.contains("no se guardó"))

        let indicators = try runner.run([
            "banderas", "--year", "2022", "--tabla", "indicadores", "--format", "csv", "--dry-run",
        ])
        let rows = indicators.stdout.split(separator: "\r\n")
        #expect(rows.count == 21, "header + TR01…TR20")
        #expect(
            rows.contains {
                $0.hasPrefix("TR02,Fraccionamiento por proveedor,Split purchases to one supplier,calculado,")
            })
        for id in ["TR18", "TR19", "TR20"] {
            #expect(rows.contains { $0.hasPrefix(id + ",") && $0.contains(",calculado,") })
        }
        #expect(!indicators.stdout.contains("pendiente: requiere"))
        #expect(indicators.stdout.contains("nunca un hallazgo"))
    }

    @Test("after the demo's imports and link, all twenty indicators run (none pending) and TR19 sees the execution")
    func linkedSamples() throws {
        let directory = try TemporaryDirectory()
        defer { withExtendedLifetime(directory) {} }
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        for (kind, path) in [
            ("metas", "metas/metas-sosep-2022.csv"), ("ocds", "compras/ocds-sosep-2022.json"),
            ("ejecucion", "ejecucion/ejecucion-sosep-2022.csv"), ("vinculos", "vinculos/vinculos-sosep-2022.csv"),
            ("vinculos", "vinculos/insumos-sosep-2022-complemento.csv"),
        ] {
            let imported = try runner.run(["import", kind, sample(path)])
            #expect(imported.status == 0, "\(path): \(imported.stderr)")
        }
        let link = try runner.run([
            "link", "--year", "2022", "--rules", sample("vinculos/reglas-sosep-2022.toml"), "--manual",
            sample("vinculos/manuales-sosep-2022.csv"),
        ])
        #expect(link.status == 0, "\(link.stderr)")
        let result = try runner.run(["banderas", "--year", "2022", "--tabla", "indicadores", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\r\n").dropFirst().filter { $0.hasPrefix("TR") }
        #expect(rows.count == 20)
        #expect(rows.allSatisfy { $0.contains(",calculado,") })
        // TR19 evaluated the executing unit and the awarded NOGs; TR18 the NOGs with execution.
        let evaluated = { (id: String) -> Int in
            Int(rows.first { $0.hasPrefix(id + ",") }?.split(separator: ",")[4] ?? "") ?? -1
        }
        #expect(evaluated("TR18") > 0 && evaluated("TR19") > 0 && evaluated("TR20") >= 0)
    }

    @Test("a year without purchases says 'sin banderas'; an unknown id is a usage error (exit 2)")
    func emptyAndErrors() throws {
        let (directory, runner) = try prepared()
        let empty = try runner.run(["banderas", "--year", "2030", "--dry-run"])
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("Sin banderas para 2030 con estos parámetros."))
        let budget = try runner.run(["banderas", "--year", "2022", "--ids", "TR18,TR19,TR20", "--dry-run"])
        #expect(budget.status == 0, "\(budget.stderr)")
        #expect(try runner.run(["banderas", "--year", "2022", "--ids", "TR77"]).status == 2)
        try directory.write("malo.toml", text: "[TR02]\nventana = \"semana\"\n")
        let bad = try runner.run(["banderas", "--year", "2022", "--settings", "malo.toml"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("malo.toml") && bad.stderr.contains("[TR02] ventana"))
        let sampleSettings = try runner.run([
            "banderas", "--year", "2022", "--settings", sample("banderas/banderas.toml"), "--dry-run",
        ])
        #expect(sampleSettings.status == 0)
    }
}
