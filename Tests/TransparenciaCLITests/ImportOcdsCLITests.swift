import Foundation
import TestSupport
import Testing

/// End-to-end: `import ocds` and `compras` on the built binary, with the sample and with hostile files.
struct ImportOcdsCLITests {
    let sample = BinaryRunner.root.appendingPathComponent("Samples/compras/ocds-sosep-2022.json").path

    /// A fresh ledger with the sample imported, and the report that describes it.
    func ledgerWithSample(_ directory: TemporaryDirectory) throws -> (db: String, report: String) {
        let db = directory.file("libro.sqlite").path
        #expect(try BinaryRunner.run(["init", "--db", db]).status == 0)
        let imported = try BinaryRunner.run(["import", "ocds", "--db", db, "--quiet", sample])
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try BinaryRunner.run(["report", "compras", "--db", db, "--format", "csv"])
        #expect(report.status == 0)
        return (db, report.stdout)
    }

    @Test("the SOSEP sample imports all 36 NOGs with their awards; re-importing it changes nothing")
    func sampleImports() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("libro.sqlite").path
        _ = try BinaryRunner.run(["init", "--db", db])
        let first = try BinaryRunner.run(["import", "ocds", "--db", db, sample])
        #expect(first.status == 0)
        #expect(first.stderr.contains("registros leídos 36 · aceptados 36 · rechazados 0"))
        #expect(first.stderr.contains("36 nuevo(s)"))
        #expect(!first.stderr.contains("\r"), "no progress line when stderr is not a terminal: \(first.stderr)")
        #expect(first.stdout.isEmpty, "import summaries are messages, not data")
        let again = try BinaryRunner.run(["import", "ocds", "--db", db, sample])
        #expect(again.status == 0)
        #expect(again.stderr.contains("ya importado en la corrida"))
        let report = try BinaryRunner.run([
            "report", "compras", "--db", db, "--year", "2022", "--modality", "compra directa",
        ])
        #expect(report.stdout.contains("16621832") && report.stdout.contains("Q89,850.00"))
        let totalLine = report.stdout.split(separator: "\n").first { $0.hasPrefix("Compra directa ") }
        #expect(totalLine?.split(separator: " ").dropFirst(2).first == "19")
    }

    @Test("--dry-run reports the counts and leaves the ledger untouched")
    func dryRun() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("libro.sqlite").path
        _ = try BinaryRunner.run(["init", "--db", db])
        let dry = try BinaryRunner.run(["import", "ocds", "--db", db, "--dry-run", sample])
        #expect(dry.status == 0)
        #expect(dry.stderr.contains("36 nuevo(s)") && dry.stderr.contains("simulación"))
        let report = try BinaryRunner.run(["report", "compras", "--db", db])
        #expect(report.stdout.contains(": 0 procesos"))
    }

    /// Hostile or broken files: each exits 2 with a Spanish message naming the file, and changes nothing.
    @Test(
        "hostile inputs exit 2 with a message naming the file and leave the ledger unchanged",
        arguments: [
            "truncado", "latin1", "tipo", "duplicado", "anidado", "nul", "vacio", "zip-falso",
        ])
    func hostile(kind: String) throws {
        let directory = try TemporaryDirectory()
        let (db, before) = try ledgerWithSample(directory)
        let text = try String(contentsOfFile: sample, encoding: .utf8)
        let bytes: Data
        switch kind {
        case "truncado": bytes = Data(text.utf8.prefix(text.utf8.count / 2))
        case "latin1":
            bytes = Data(text.replacingOccurrences(of: "ADQUISICIÓN DE INSUMOS", with: "ADQUISICI\u{FFFF}N").utf8)
                .replacing(Data([0xEF, 0xBF, 0xBF]), with: Data([0xD3]))
        case "tipo":
            bytes = Data(text.replacingOccurrences(of: "\"amount\": 89850.0", with: "\"amount\": [89850.0]").utf8)
        case "duplicado":
            // The first record again at the end, with another status.
            let records = text.components(separatedBy: "\n  {\n   \"ocid\"")
            let first = "\n  {\n   \"ocid\"" + records[1].components(separatedBy: "\n  }")[0] + "\n  }"
            let altered = first.replacingOccurrences(of: "\"Adjudicado\"", with: "\"Desierto\"")
            bytes = Data(text.replacingOccurrences(of: "\n ]\n}", with: "," + altered + "\n ]\n}").utf8)
        case "anidado":
            bytes = Data(("{\"records\":[" + String(repeating: "[", count: 100_000)).utf8)
        case "nul": bytes = Data(text.utf8.prefix(500)) + Data([0]) + Data(text.utf8.dropFirst(500))
        case "vacio": bytes = Data()
        default: bytes = Data("PK\u{03}\u{04}no es un zip".utf8)
        }
        let name = kind == "zip-falso" ? "\(kind).zip" : "\(kind).json"
        let file = try directory.write(name, bytes)
        let result = try BinaryRunner.run(["import", "ocds", "--db", db, file.path])
        #expect(result.status == 2, "\(kind): \(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains(name), "\(result.stderr)")
        #expect(result.stderr.contains("no se importó nada"))
        let after = try BinaryRunner.run(["report", "compras", "--db", db, "--format", "csv"]).stdout
        #expect(after == before, "\(kind) cambió el libro de datos")
        let runs = try BinaryRunner.run(["import", "ocds", "--db", db, sample]).stderr
        #expect(runs.contains("ya importado en la corrida"), "the failed file left no import run behind")
    }

    @Test("--allow-rejects imports the good records and stores the bad one with its reason")
    func allowRejects() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("libro.sqlite").path
        _ = try BinaryRunner.run(["init", "--db", db])
        let text = try String(contentsOfFile: sample, encoding: .utf8)
            .replacingOccurrences(of: "\"amount\": 89850.0", with: "\"amount\": {\"x\": 1}")
        let file = try directory.write("uno-malo.json", text: text)
        let strict = try BinaryRunner.run(["import", "ocds", "--db", db, file.path])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("awards[0].value.amount") && strict.stderr.contains("se esperaba un número"))
        let lenient = try BinaryRunner.run(["import", "ocds", "--db", db, "--allow-rejects", file.path])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("aceptados 35 · rechazados 1"))
    }

    @Test("a ZIP holding the monthly JSON imports its entry; a ZIP with ../ in an entry name is refused whole")
    func zipInputs() throws {
        let directory = try TemporaryDirectory()
        let (db, before) = try ledgerWithSample(directory)
        let json = try Data(contentsOf: URL(fileURLWithPath: sample))
        let bad = try directory.write("malo.zip", StoredZip.archive([("ok.json", json), ("../../tmp/x.json", json)]))
        let refused = try BinaryRunner.run(["import", "ocds", "--db", db, bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("malo.zip") && refused.stderr.contains("../../tmp/x.json"))
        #expect(try BinaryRunner.run(["report", "compras", "--db", db, "--format", "csv"]).stdout == before)

        let fresh = directory.file("otro.sqlite").path
        _ = try BinaryRunner.run(["init", "--db", fresh])
        let good = try directory.write("2022-12.zip", StoredZip.archive([("2022-12_Guatecompras.json", json)]))
        let imported = try BinaryRunner.run(["import", "ocds", "--db", fresh, good.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("2022-12.zip:2022-12_Guatecompras.json"))
        #expect(imported.stderr.contains("36 nuevo(s)"))
    }

    @Test("a later file that changes a NOG updates it (history kept) and leaves the rest unchanged")
    func reimportChanges() throws {
        let directory = try TemporaryDirectory()
        let (db, before) = try ledgerWithSample(directory)
        // ejercicio, mes, entidad, nog, ocid, numeral LAIP, fecha de publicación, fecha de adjudicación…
        #expect(before.contains("2022,2,11130016,16106805,ocds-xqjsxa-16106805,20,2022-02-11,,"))
        // NOG 16106805 was «Evaluación»; the next monthly snapshot says it was declared «Desierto».
        let text = try String(contentsOfFile: sample, encoding: .utf8)
        // Records sit at three spaces of indentation; their embedded releases deeper.
        let start = try #require(text.range(of: "\n   \"ocid\": \"ocds-xqjsxa-16106805\""))
        let end = try #require(text.range(of: "\n   \"ocid\": \"ocds-xqjsxa-", range: start.upperBound..<text.endIndex))
        let changedRecord = String(text[start.lowerBound..<end.lowerBound])
            .replacingOccurrences(of: "\"statusDetails\": \"Evaluación\"", with: "\"statusDetails\": \"Desierto\"")
            .replacingOccurrences(of: "2022-02-15T10:00:00-06:00", with: "2022-03-01T10:00:00-06:00")
        let changed = try directory.write(
            "2022-siguiente.json",
            text: String(text[..<start.lowerBound]) + changedRecord + String(text[end.lowerBound...]))
        let result = try BinaryRunner.run(["import", "ocds", "--db", db, changed.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("0 nuevo(s) · 1 actualizado(s) · 35 sin cambios"), "\(result.stdout)")
        let report = try BinaryRunner.run(["report", "compras", "--db", db, "--format", "csv"]).stdout
        let line = try #require(report.split(separator: "\r\n").first { $0.contains(",16106805,") })
        #expect(line.hasPrefix("2022,2,11130016,16106805,ocds-xqjsxa-16106805,20,2022-02-11,,"))
        #expect(line.contains(",Cotización (Art. 38 LCE),Desierto,") && line.contains(",SERVICIO DE CAPACITACIÓN"))
    }

    @Test("each JSON entry of a ZIP is its own all-or-nothing import")
    func zipEntriesIndependent() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("libro.sqlite").path
        _ = try BinaryRunner.run(["init", "--db", db])
        let json = try Data(contentsOf: URL(fileURLWithPath: sample))
        let zip = try directory.write(
            "dos.zip", StoredZip.archive([("bueno.json", json), ("roto.json", json.prefix(json.count / 3))]))
        let result = try BinaryRunner.run(["import", "ocds", "--db", db, zip.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("dos.zip:bueno.json") && result.stderr.contains("36 nuevo(s)"))
        #expect(result.stderr.contains("dos.zip:roto.json: no se importó nada"))
        #expect(!result.stderr.contains("dos.zip:bueno.json: no se importó nada"))
    }
}
