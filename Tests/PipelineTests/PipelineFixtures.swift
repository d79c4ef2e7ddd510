import Domain
import Foundation
import Ledger
import Pipeline
import TestSupport

/// Files and ledgers for the pipeline tests.
enum PipelineFixtures {
    /// One sample file of each kind, from `Samples/`.
    static let samples: [(SourceKind, String)] = [
        (.metas, "metas/metas-sosep-2022.csv"),
        (.resumen, "resumen/tabla2-sosep-2022.csv"),
        (.ocds, "compras/ocds-sosep-2022.json"),
        (.compras, "compras/compras-sosep-2022.csv"),
        (.nogHTML, "compras/nog-17471637.html"),
        (.ejecucion, "ejecucion/ejecucion-sosep-2022.csv"),
        (.vinculos, "vinculos/vinculos-sosep-2022.csv"),
    ]

    /// One file of each kind with one valid and one invalid row (see Fixtures/README.md).
    static let withOneBadRow: [(SourceKind, String)] = [
        (.metas, "metas-con-error.csv"),
        (.resumen, "resumen-con-error.csv"),
        (.ocds, "ocds-con-error.json"),
        (.compras, "compras-con-error.csv"),
        (.ejecucion, "ejecucion-con-error.csv"),
        (.vinculos, "vinculos-con-error.csv"),
    ]

    static func sample(_ path: String) -> URL { BinaryRunner.samples.appendingPathComponent(path) }

    static func fixture(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    /// Runs one request and returns its only report.
    static func importOne(
        _ ledger: Ledger, _ file: URL, as kind: SourceKind, dryRun: Bool = false, allowRejects: Bool = false,
        provenance: ImportProvenance? = nil, cancellation: ImportCancellation = ImportCancellation()
    ) throws -> ImportReport {
        let pipeline = ImportPipeline(ledger: ledger, toolVersion: "prueba", cancellation: cancellation)
        let reports = try pipeline.run(
            ImportRequest(file: file, kind: kind, dryRun: dryRun, allowRejects: allowRejects, provenance: provenance))
        guard reports.count == 1, let report = reports.first else { throw CocoaError(.featureUnsupported) }
        return report
    }
}
