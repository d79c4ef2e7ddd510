import Domain
import Foundation
import Ledger
import TestSupport
import Testing

@testable import Publishing

/// An export written in two lanes at once (``ExportLanes``) publishes what the export in sequence publishes, refuses
/// what it refuses and fails as it fails.
struct ExportLanesTests {
    /// The fixture in a ledger file, which a second connection can open (an in-memory ledger is exported in sequence).
    static func fileLedger(_ directory: TemporaryDirectory, title: String = "ADQUISICIÓN DE ALIMENTOS") throws
        -> Ledger
    {
        let ledger = try Ledger.open(path: directory.file("libro.sqlite").path, create: true)
        try ExportFixture.fill(ledger, title: title)
        return ledger
    }

    static func export(
        _ ledger: Ledger, _ datasets: [Dataset], to folder: URL, lanes: Bool,
        profile: InstitutionProfile = ExportFixture.allowingPersons, month: Int? = nil,
        format: FormatProfile = .abierto,
        jsonLines: Bool = false
    ) throws -> ExportSummary {
        var exporter = DatasetExporter(datasets: Datasets(ledger: ledger))
        exporter.lanes = lanes
        return try exporter.run(
            ExportRequest(
                datasets: datasets, scope: DatasetScope(year: 2022, month: month, profile: profile), directory: folder,
                format: format, jsonLines: jsonLines, created: ExportFixture.created, toolVersion: "prueba"))
    }

    /// The error an export throws, as the user reads it.
    static func failure(_ body: () throws -> ExportSummary) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? any LocalizedError)?.errorDescription ?? "\(error)"
        }
    }

    static func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("the lanes keep together the tables that share a read, and one lane's worth of tables is not split")
    func split() throws {
        let published = Dataset.published
        let lanes = try #require(ExportLanes(published)).lanes
        #expect(lanes.count == 2)
        #expect(lanes.flatMap { $0 }.sorted() == Array(published.indices), "every table once")
        for lane in lanes { #expect(lane == lane.sorted(), "each lane in request order") }
        func lane(_ dataset: Dataset) -> Int? {
            guard let position = published.firstIndex(of: dataset) else { return nil }
            return lanes.firstIndex { $0.contains(position) }
        }
        let together: [[Dataset]] = [
            // One read gives the awards and the suppliers; one builds the four reconciliations.
            [.adjudicaciones, .proveedores],
            [.conciliacionPorProducto, .conciliacionPorGrupo, .conciliacionPorRenglon, .conciliacionPorMes],
            // The execution listing keeps its sums for the grouped tables and the checks (by activity); groups are
            // rolled up from renglones.
            [.ejecucion, .ejecucionPorGrupo, .ejecucionPorRenglon, .ejecucionPorActividad, .verificaciones],
            // Those that hold the most at once after the checks never run beside each other.
            [.proveedores, .conciliacionPorProducto],
        ]
        for group in together { #expect(Set(group.map(lane)).count == 1, "\(group) in one lane") }
        #expect(lane(.ejecucion) != lane(.compras))
        #expect(lane(.ejecucion) != lane(.vinculos))
        #expect(ExportLanes([.verificaciones]) == nil, "one table: one lane")
        #expect(ExportLanes([.ejecucion, .verificaciones]) == nil, "the listing and what reads its sums: one lane")
        #expect(ExportLanes([.compras, .proveedores]) == nil, "the purchases' tables only: one lane")
        #expect(ExportLanes([.compras, .ejecucion])?.lanes == [[1], [0]], "two listings: two lanes")
    }

    @Test(
        "in two lanes the export writes the same files, descriptor and summary as in sequence",
        arguments: [
            (Dataset.published, FormatProfile.abierto, false),
            (Dataset.published, .excel, true),
            ([.verificaciones, .ejecucion, .conciliacionPorMes, .compras, .conciliacionPorGrupo], .abierto, false),
        ])
    func sameFiles(datasets: [Dataset], format: FormatProfile, jsonLines: Bool) throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.fileLedger(directory)
        let sequence = try Self.export(
            ledger, datasets, to: directory.file("secuencia"), lanes: false, format: format, jsonLines: jsonLines)
        let lanes = try Self.export(
            ledger, datasets, to: directory.file("carriles"), lanes: true, format: format, jsonLines: jsonLines)
        let names = try Self.contents(directory.file("secuencia"))
        #expect(names.count == datasets.count * 2 + 1)
        #expect(try Self.contents(directory.file("carriles")) == names)
        for name in names {
            let expected = try Data(contentsOf: directory.file("secuencia/" + name))
            #expect(try Data(contentsOf: directory.file("carriles/" + name)) == expected, "\(name)")
        }
        func described(_ summary: ExportSummary) -> [String] {
            summary.tables.map { "\($0.name) \($0.rows) \($0.files) \($0.emptyReason ?? "-") \($0.notes)" }
        }
        #expect(described(lanes) == described(sequence))
        #expect(lanes.tables.map(\.name) == datasets.map(\.rawValue), "the summary in request order")
        #expect(lanes.published.map(\.lastPathComponent) == sequence.published.map(\.lastPathComponent))
    }

    @Test("values planted in tables of both lanes are refused with the same findings, in the same order")
    func sameRefusal() throws {
        let directory = try TemporaryDirectory()
        // A phone in every process's description (compras in the first lane, adjudicaciones in the second), another
        // in the company's name (adjudicaciones, and proveedores after them in request order) and a natural
        // person's award (adjudicaciones) the default profile does not allow.
        let ledger = try Self.fileLedger(directory, title: "ALIMENTOS; CONSULTAS AL TEL. 5555-1234")
        var procurements = ExportFixture.procurements(title: "ALIMENTOS; CONSULTAS AL TEL. 5555-1234")
        procurements[0].awards[0].supplier.name = "TRANSPORTES DEL PACIFICO (TEL. 4444-1234), SOCIEDAD ANONIMA"
        _ = try ledger.importing(
            ImportSource(sourceKind: "ocds", fileName: "ocds-2.json", sha256: "f", bytes: 10), toolVersion: "prueba"
        ) { session in
            for procurement in procurements { try session.procurements().upsert(procurement) }
            return .commit(ImportCounts(rowsRead: 3, rowsAccepted: 3, rowsRejected: 0))
        }
        var refusals: [String] = []
        for lanes in [false, true] {
            let folder = directory.file(lanes ? "carriles" : "secuencia")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let message = try #require(
                Self.failure {
                    try Self.export(ledger, Dataset.published, to: folder, lanes: lanes, profile: ExportFixture.profile)
                })
            refusals.append(message)
            #expect(try Self.contents(folder).isEmpty, "nothing published, no staging left")
        }
        #expect(refusals[1] == refusals[0])
        let lines = refusals[1].split(separator: "\n").map(String.init)
        let compras = try #require(lines.firstIndex { $0.contains("compras, fila 1, columna «descripcion»") })
        let adjudicaciones = try #require(lines.lastIndex { $0.contains("adjudicaciones, fila") })
        let proveedores = try #require(
            lines.firstIndex { $0.contains("proveedores, fila 1, columna «nombre_proveedor»") })
        #expect(compras < adjudicaciones && adjudicaciones < proveedores, "\(refusals[1])")
    }

    @Test("a privacy guard absorbing others keeps the first findings in order and counts them all")
    func absorb() {
        func planted(_ count: Int, table: String) -> PrivacyGuard {
            let privacy = PrivacyGuard(allowedColumns: [])
            for row in 1...count { privacy.check(.text("TEL. 5555-1234"), table: table, column: "c", row: row) }
            return privacy
        }
        let shared = PrivacyGuard(allowedColumns: [])
        for (table, count) in [("a", 30), ("b", 40)] {
            for row in 1...count { shared.check(.text("TEL. 5555-1234"), table: table, column: "c", row: row) }
        }
        let merged = PrivacyGuard(allowedColumns: [])
        for other in [planted(30, table: "a"), planted(40, table: "b")] {
            merged.absorb(other.findings, count: other.findingCount)
        }
        #expect(merged.findingCount == 70)
        #expect(merged.findings == shared.findings)
        #expect(merged.findings.count == merged.maxKept)
    }
}

extension ExportLanesTests {
    /// A ledger whose first budget line has monthly devengado and whose other two do not: a month's `ejecucion`
    /// stops at the second line («1 de 2»), a month's `ejecucion_por_grupo` counts them all («2 de 3»).
    static func ledgerWithoutMonths(_ directory: TemporaryDirectory) throws -> Ledger {
        let ledger = try Ledger.open(path: directory.file("libro.sqlite").path, create: true)
        var lines = ExportFixture.budgetLines()
        lines[0].amounts.devengadoMensual = [:]
        var third = lines[0]
        third.key.renglon = ExportFixture.code("291")
        lines.append(third)
        _ = try ledger.importExecution(
            ExecutionSnapshot(cutoff: ExecutionCutoff(ejercicio: 2022, mes: 12), lines: lines),
            source: ImportSource(sourceKind: "ejecucion", fileName: "e.csv", sha256: "e", bytes: 1),
            toolVersion: "prueba", rowsRead: 3)
        return ledger
    }

    @Test(
        "a table failing in either lane fails the export as in sequence (the first failing table wins) and publishes nothing",
        arguments: [
            ([Dataset.compras, .ejecucionPorGrupo], "2 de 3"),
            ([.ejecucion, .proveedores], "1 de 2"),
            ([.ejecucion, .ejecucionPorGrupo], "1 de 2"),
            ([.ejecucionPorGrupo, .ejecucion], "2 de 3"),
            ([.productos, .ejecucionPorGrupo, .compras, .ejecucion, .verificaciones], "2 de 3"),
        ])
    func sameFailure(datasets: [Dataset], expected: String) throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.ledgerWithoutMonths(directory)
        var failures: [String] = []
        for lanes in [false, true] {
            let folder = directory.file(lanes ? "carriles" : "secuencia")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("antes".utf8).write(to: folder.appendingPathComponent("x"))
            let message = try #require(
                Self.failure { try Self.export(ledger, datasets, to: folder, lanes: lanes, month: 4) })
            failures.append(message)
            #expect(try Self.contents(folder) == ["x"], "the folder as it was: nothing published, no staging left")
        }
        #expect(failures[1] == failures[0])
        #expect(failures[1].hasPrefix(expected), "\(failures[1])")
    }
}
