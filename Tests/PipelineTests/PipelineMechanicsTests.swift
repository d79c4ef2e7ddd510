import Domain
import Foundation
import Ledger
import Pipeline
import TestSupport
import Testing
import ZIPFoundation

/// ZIP expansion, provenance, cancellation and bounded diagnostics.
struct PipelineMechanicsTests {
    @Test("each importable entry of a ZIP is its own import, named archive:entry")
    func zipEntries() throws {
        let directory = try TemporaryDirectory()
        let zip = directory.file("descarga.zip")
        let archive = try Archive(url: zip, accessMode: .create)
        try archive.addEntry(
            with: "datos/compras.csv", fileURL: PipelineFixtures.sample("compras/compras-sosep-2022.csv"))
        try archive.addEntry(with: "LEAME.md", fileURL: PipelineFixtures.sample("README.md"))
        let ledger = try Ledger.inMemory()
        let reports = try ImportPipeline(ledger: ledger, toolVersion: "prueba")
            .run(ImportRequest(file: zip, kind: .compras))
        #expect(reports.map(\.fileName) == ["descarga.zip:datos/compras.csv"], "the README is not a compras file")
        #expect(try ledger.procurementCount() == 36)
        #expect(try ledger.importRuns().map(\.fileName) == ["descarga.zip:datos/compras.csv"])
    }

    @Test("a ZIP with nothing of the kind inside fails with a message that says what it looked for")
    func zipWithoutEntries() throws {
        let directory = try TemporaryDirectory()
        let zip = directory.file("vacio.zip")
        let archive = try Archive(url: zip, accessMode: .create)
        try archive.addEntry(with: "LEAME.txt", fileURL: PipelineFixtures.sample("README.md"))
        let report = try PipelineFixtures.importOne(try Ledger.inMemory(), zip, as: .ocds)
        guard case .failed(let message) = report.status else {
            Issue.record("\(report.status)")
            return
        }
        #expect(message.contains("no contiene archivos que se importen como ocds"))
    }

    @Test("the digest a download already computed is recorded as is, with its URL and ETag")
    func provenance() throws {
        let ledger = try Ledger.inMemory()
        let digest = FileIdentity(sha256: String(repeating: "ab", count: 32), bytes: 1234)
        let report = try PipelineFixtures.importOne(
            ledger, PipelineFixtures.sample("metas/metas-sosep-2022.csv"), as: .metas,
            provenance: ImportProvenance(sourceURL: "https://ejemplo.gt/metas.csv", etag: "\"v1\"", digest: digest))
        guard case .imported(let run) = report.status else {
            Issue.record("\(report.status)")
            return
        }
        #expect((run.sha256, run.bytes) == (digest.sha256, 1234))
        #expect(run.sourceURL == "https://ejemplo.gt/metas.csv" && run.etag == "\"v1\"")
    }

    @Test("a cancelled import throws and keeps nothing")
    func cancellation() throws {
        let ledger = try Ledger.inMemory()
        let cancellation = ImportCancellation()
        cancellation.cancel()
        #expect(throws: PipelineError.self) {
            try PipelineFixtures.importOne(
                ledger, PipelineFixtures.sample("compras/ocds-sosep-2022.json"), as: .ocds, cancellation: cancellation)
        }
        #expect(try ledger.importRuns().isEmpty)
        #expect(try ledger.procurementCount() == 0)
    }

    @Test("a missing file and a folder are failed reports, not crashes")
    func notFiles() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Ledger.inMemory()
        let missing = try PipelineFixtures.importOne(ledger, directory.file("no-existe.csv"), as: .metas)
        let folder = try PipelineFixtures.importOne(ledger, directory.url, as: .metas)
        guard case .failed(let missingMessage) = missing.status, case .failed(let folderMessage) = folder.status else {
            Issue.record("\(missing.status) \(folder.status)")
            return
        }
        #expect(missingMessage.contains("no existe el archivo"))
        #expect(folderMessage.contains("es una carpeta"))
    }

    @Test("a file with 20,000 bad rows keeps a few examples per kind of problem and counts them all")
    func boundedDiagnostics() throws {
        let directory = try TemporaryDirectory()
        var text = "NOG CONCURSO;NIT;NOMBRE;MONTO\n"
        for index in 0..<20_000 { text += "\(1000 + index);\(100 + index % 7);PROVEEDOR;doce\n" }
        let file = try directory.write("malo.csv", text: text)
        let ledger = try Ledger.inMemory()
        let report = try PipelineFixtures.importOne(ledger, file, as: .compras, allowRejects: true)
        #expect(report.counts.rowsRejected == 20_000)
        #expect(report.diagnostics.count(.error) == 20_000)
        #expect(report.diagnostics.groups.count == 1)
        #expect(report.diagnostics.groups.first?.examples.count == DiagnosticDigest.examplesPerGroup)
        guard case .imported(let run) = report.status else {
            Issue.record("\(report.status)")
            return
        }
        #expect(
            try ledger.storedDiagnostics(importRunID: run.id, severity: .error).count == 20_000,
            "every reject is stored")
    }
}
