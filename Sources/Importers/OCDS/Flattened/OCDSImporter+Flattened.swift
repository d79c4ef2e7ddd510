import Domain
import Formats
import Foundation

extension OCDSImporter {
    /// Reads flatten-tool output: joins each workbook's sheets back into one release (or record) per line of a
    /// temporary JSON Lines file, then reads that file as any JSON Lines, so flattened and JSON data go through
    /// the same grouping, compiling and mapping.
    func readFlattened(
        _ url: URL, source: OCDSFlatSource, name: String, progress: (Int64, Int) throws -> Void,
        handle: @escaping (OCDSImportEvent) throws -> Void
    ) throws -> OCDSReadSummary {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "transparencia-ocds-aplanado-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        } catch {
            throw FormatsError.unreadable(file: name, cause: "no se pudo crear un directorio temporal")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }

        let workbooks = try source.workbooks(url, displayName: name, temporaryDirectory: temporary)
        let lines = temporary.appendingPathComponent("entregas.jsonl")
        var origins: [OCDSFlatJoiner.Origin] = []
        var diagnostics: [Diagnostic] = []
        var shapes: [String] = []
        try OCDSFlatFileWriter.write(to: lines, file: name) { writer in
            for sheets in workbooks {
                let outcome = try OCDSFlatJoiner(sheets: sheets, fileName: name).join(into: writer)
                origins += outcome.origins
                diagnostics += outcome.diagnostics
                var shape =
                    (outcome.isRecords ? "registros aplanados" : "entregas aplanadas") + " (\(source.displayName), "
                shape += "hoja «\(outcome.mainSheet)» y \(outcome.childSheets) hoja(s) unidas"
                if source != .xlsx { shape += ", \(outcome.mainEncoding.displayName)" }
                shapes.append(shape + ")")
            }
        }

        var run = Run(importer: self, fileName: name, handle: handle)
        run.summary.bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64) ?? 0
        run.summary.shape = shapes.joined(separator: "; ")
        run.origin = { element in
            let origin =
                element.index < origins.count ? origins[element.index] : OCDSFlatJoiner.Origin(label: name, line: 0)
            return OCDSLocation(file: origin.label, line: origin.line, offset: 0, path: "")
        }
        for diagnostic in diagnostics {
            if diagnostic.severity == .error {
                // A row that could not be joined is a record that was not imported.
                run.summary.recordsRead += 1
                run.summary.rejected += 1
                try handle(.rejected(diagnostic))
            } else {
                try handle(.diagnostic(diagnostic))
            }
        }
        let joinedBytes = (try? FileManager.default.attributesOfItem(atPath: lines.path)[.size] as? Int64) ?? 0
        let reader = try JSONLinesReader(url: lines, limits: limits)
        var index = ReleaseIndex()
        while let element = try reader.next() {
            try run.element(element, releaseIndex: &index)
            // Progress in the user's file's bytes, in proportion to the joined lines read.
            try progress(
                joinedBytes > 0 ? reader.bytesRead * run.summary.bytes / joinedBytes : 0, run.summary.recordsRead)
        }
        try run.compileGroups(index, from: lines)
        return run.summary
    }
}
