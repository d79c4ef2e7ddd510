import Domain
import Formats
import Foundation
import Ledger
import TestSupport
import Testing

@testable import Publishing

/// Files written field by field (``FieldRow``, which every export now writes through) hold the bytes the row
/// encoders `report` uses give for the same cells, and the privacy guard finds the same values.
struct FieldRowTests {
    /// SplitMix64: the same rows on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let texts = [
        "", "11130016", "Alimentos para personas", "=HIPERVINCULO(\"http://x\")", "+502 5555 1234", "-10", "@dato",
        "\tTabulado", "\rRetorno", "con, coma", "con; punto y coma", "comillas \"dobles\"", "salto\nde línea",
        "barra \\ invertida", "control \u{01}\u{1F}", "Tel. 5555-1234", "DPI 2456 78901 0101", "maria.lopez@gmail.com",
        "2022-11130016-208-11-00-000-004-000-211-11---0101", "Ñandú «citado» – 100 %",
    ]

    static func cell(_ random: inout Seeded) -> Cell {
        let text = texts[Int(random.next() % UInt64(texts.count))]
        let amount = Int64(bitPattern: random.next() % 2_000_000_000_000) - 1_000_000_000_000
        switch random.next() % 8 {
        case 0, 1: return .text(text)
        case 2: return .person(text)
        case 3: return .integer(amount / 1000)
        case 4: return .money(Money(centavos: amount))
        case 5:
            return .percent(
                Decimal(
                    sign: amount < 0 ? .minus : .plus, exponent: -2, significand: Decimal(amount.magnitude % 100_000)))
        case 6:
            return .decimal(
                Decimal(
                    sign: .plus, exponent: -Int(random.next() % 5), significand: Decimal(amount.magnitude % 10_000_000))
            )
        default: return .empty
        }
    }

    @Test(
        "random rows written as cells through the files equal the report encoders' bytes; the guard finds the same",
        arguments: [(FormatProfile.abierto, false), (.excel, false), (.abierto, true), (.excel, true)])
    func sameBytesAsEncoders(profile: FormatProfile, jsonLines: Bool) throws {
        var random = Seeded(state: 16)
        let columns = (0..<7).map { DataColumn("columna_\($0)") }
        var rows: [[Cell]] = []
        // Enough rows for many hand-overs; a value repeated down a column must be found every time.
        for _ in 0..<4_000 {
            let row = columns.map { _ in Self.cell(&random) }
            rows.append(row)
            if random.next() % 10 == 0 { rows.append(row) }
        }
        let table = DataTable(name: "prueba", title: "Prueba", columns: columns, rows: rows)
        let directory = try TemporaryDirectory()
        let staging = try PublicationStaging(directory: directory.url)
        let privacy = PrivacyGuard(allowedColumns: ["prueba.columna_3"])
        let sink = TableFileSink(
            folder: staging.folder, profile: profile, jsonLines: jsonLines, privacy: privacy, changes: nil)
        try sink.begin(TableHeading(name: "prueba", title: "Prueba", columns: columns))
        for row in rows { try sink.write(row) }
        try sink.finish(TableFooting())
        let written = try #require(sink.written)

        let csv = try Data(contentsOf: staging.file("prueba.csv"))
        let bom: [UInt8] = profile.writesByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        #expect(Array(csv) == bom + Array(CSVTableWriter.render(table, profile: profile).utf8))
        let json = try String(contentsOf: staging.file(jsonLines ? "prueba.jsonl" : "prueba.json"), encoding: .utf8)
        #expect(json == (jsonLines ? JSONTableWriter.renderLines(table) : JSONTableWriter.render(table)))
        #expect(written.rows == rows.count)
        #expect(written.csvDigest == (try FileDigest.of(staging.file("prueba.csv"))))

        // What the guard found, cell by cell, the way the export checked cells before.
        let expected = PrivacyGuard(allowedColumns: ["prueba.columna_3"])
        for (index, row) in rows.enumerated() {
            for (column, cell) in row.enumerated() where column != 3 {
                expected.check(cell, table: "prueba", column: columns[column].name, row: index + 1)
            }
        }
        #expect(privacy.findingCount == expected.findingCount)
        #expect(privacy.findingCount > 100, "the planted values were found")
        #expect(privacy.findings == expected.findings)
    }

    /// Lines whose names need quoting, escaping and the formula guard.
    static func ledger() throws -> Ledger {
        let ledger = try Ledger.inMemory()
        var lines = ExportFixture.budgetLines()
        lines[0].names = [
            "programa": "=SUMA(A1:A9)", "actividad": "Actividad \"uno\", con coma;\ny salto",
            "renglon": "Alimentos",
        ]
        lines[1].names = ["programa": "-Programa", "actividad": "@actividad\ttab", "renglon": "Nombre \u{FFFD} dañado"]
        var third = lines[1]
        third.key.structure.unidadEjecutora = nil
        third.key.fuente = nil
        third.key.ubicacionGeografica = nil
        third.key.structure.actividad = "005"
        third.amounts.vigente = .zero
        third.names = [:]
        lines.append(third)
        _ = try ledger.importExecution(
            ExecutionSnapshot(cutoff: ExecutionCutoff(ejercicio: 2022, fechaCorte: "2022-11-30"), lines: lines),
            source: ImportSource(
                sourceKind: "ejecucion", fileName: "ejecucion.csv", sha256: String(repeating: "b", count: 64),
                bytes: 20),
            toolVersion: "prueba", rowsRead: 3)
        return ledger
    }

    @Test(
        "ejecucion written field by field from the ledger's rows equals its cells, in both profiles and JSON Lines",
        arguments: [(FormatProfile.abierto, false), (.excel, false), (.abierto, true)])
    func executionFields(profile: FormatProfile, jsonLines: Bool) throws {
        let ledger = try Self.ledger()
        let directory = try TemporaryDirectory()
        try ExportFixture.export(
            ledger, to: directory.url, format: profile, jsonLines: jsonLines, datasets: [.ejecucion])
        let table = try Datasets(ledger: ledger).table(.ejecucion, scope: ExportFixture.scope())
        #expect(table.rows.count == 3)
        let csv = try Data(contentsOf: directory.file("ejecucion.csv"))
        let bom: [UInt8] = profile.writesByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        #expect(Array(csv) == bom + Array(CSVTableWriter.render(table, profile: profile).utf8))
        let json = try ExportFixture.read(directory.file(jsonLines ? "ejecucion.jsonl" : "ejecucion.json"))
        #expect(json == (jsonLines ? JSONTableWriter.renderLines(table) : JSONTableWriter.render(table)))
        if profile == .excel {
            let text = String(decoding: csv, as: UTF8.self)
            #expect(text.contains(";'-Programa;'@actividad\ttab;"))
            #expect(text.contains(";'=SUMA(A1:A9);\"Actividad \"\"uno\"\", con coma;\ny salto\";"))
        }
    }

    @Test("a phone in a line's name stops the export of ejecucion written field by field, naming row and column")
    func executionPlantedPhone() throws {
        let ledger = try Ledger.inMemory()
        var lines = ExportFixture.budgetLines()
        lines[1].names = ["actividad": "Atención al público, tel. 5555-1234"]
        _ = try ledger.importExecution(
            ExecutionSnapshot(cutoff: ExecutionCutoff(ejercicio: 2022, mes: 12), lines: lines),
            source: ImportSource(
                sourceKind: "ejecucion", fileName: "ejecucion.csv", sha256: String(repeating: "b", count: 64),
                bytes: 20),
            toolVersion: "prueba", rowsRead: 2)
        let directory = try TemporaryDirectory()
        #expect {
            try ExportFixture.export(ledger, to: directory.url, datasets: [.ejecucion])
        } throws: { error in
            let text = (error as? PublishingError)?.errorDescription ?? ""
            return text.contains("ejecucion, fila 1, columna «nombre_actividad»: parece un número de teléfono")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("ejecucion.csv").path))
    }
}

extension FieldRowTests {
    @Test("a row of cells shorter than the columns is written with empty fields; cells past them are left out")
    func rowWidths() throws {
        let directory = try TemporaryDirectory()
        let staging = try PublicationStaging(directory: directory.url)
        let columns = [DataColumn("a"), DataColumn("b"), DataColumn("c")]
        let sink = TableFileSink(folder: staging.folder, profile: .abierto, jsonLines: true, privacy: nil, changes: nil)
        try sink.begin(TableHeading(name: "anchos", title: "Anchos", columns: columns))
        try sink.write([.text("x")])
        try sink.write([.integer(1), .integer(2), .integer(3), .integer(4)])
        try sink.finish(TableFooting())
        #expect(try ExportFixture.read(staging.file("anchos.csv")) == "a,b,c\r\nx,,\r\n1,2,3\r\n")
        #expect(
            try ExportFixture.read(staging.file("anchos.jsonl"))
                == "{\"a\": \"x\", \"b\": null, \"c\": null}\n{\"a\": 1, \"b\": 2, \"c\": 3}\n")
    }
}

extension FieldRowTests {
    @Test(
        "compras, adjudicaciones, proveedores and vinculos written field by field equal their cells, in both profiles and JSON Lines",
        arguments: [(FormatProfile.abierto, false), (.excel, false), (.abierto, true)])
    func listingFields(profile: FormatProfile, jsonLines: Bool) throws {
        let ledger = try Ledger.inMemory()
        // A title that must be quoted, escaped and neutralized; a natural person's award the profile allows, a
        // contract with number and term, evidence naming a renglón.
        try ExportFixture.fill(ledger, title: "=COMPRA \"urgente\", de víveres;\nsegunda línea")
        let directory = try TemporaryDirectory()
        let datasets: [Dataset] = [.compras, .adjudicaciones, .proveedores, .vinculos]
        try ExportFixture.export(ledger, to: directory.url, format: profile, jsonLines: jsonLines, datasets: datasets)
        for dataset in datasets {
            let table = try Datasets(ledger: ledger).table(dataset, scope: ExportFixture.scope())
            let name = dataset.rawValue
            let csv = try Data(contentsOf: directory.file(name + ".csv"))
            let bom: [UInt8] = profile.writesByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
            #expect(Array(csv) == bom + Array(CSVTableWriter.render(table, profile: profile).utf8), "\(name)")
            let json = try ExportFixture.read(directory.file(name + (jsonLines ? ".jsonl" : ".json")))
            #expect(json == (jsonLines ? JSONTableWriter.renderLines(table) : JSONTableWriter.render(table)))
        }
        let compras = try ExportFixture.read(directory.file("compras.csv"))
        #expect(compras.contains("SP-DA-010-2022") && compras.contains("211"), "contract number and renglón")
        if profile == .excel { #expect(compras.contains("\"'=COMPRA \"\"urgente\"\", de víveres;\nsegunda línea")) }
    }
}
