import Domain
import Formats
import Foundation

/// Joins the sheets of one flattened workbook back into releases (or records), written one JSON line each in
/// the main sheet's order, with one release in memory at a time.
///
/// flatten-tool writes every sheet in the order of the releases, so child rows are merged as the main sheet
/// advances (a stream merge). A child sheet found out of that order (sorted by hand in a spreadsheet) is read
/// again grouped in memory, and the workbook is joined again from the start.
struct OCDSFlatJoiner {
    /// The main sheet's row a written line comes from.
    struct Origin: Sendable, Hashable {
        var label: String
        var line: Int
    }

    /// What joining a workbook gave.
    struct Outcome {
        /// One per line written.
        var origins: [Origin] = []
        /// Rows left out, values that disagree, sheets that cannot be joined.
        var diagnostics: [Diagnostic] = []
        var mainSheet: String = ""
        var mainEncoding: TextEncoding = .utf8
        var childSheets = 0
        /// True when the rows are records (`compiledRelease/…` columns), false for releases.
        var isRecords = false
    }

    /// Names flatten-tool gives the main sheet (`-m`), in order of preference: `main` (its default), `records`
    /// (Guatecompras), `releases` (the OCP Data Registry; in a records workbook it is the child sheet of links).
    static let mainSheetNames = ["main", "records", "releases"]

    let sheets: [OCDSFlatSheet]
    /// The user's file, for errors about the whole workbook.
    let fileName: String

    /// Writes the workbook's releases or records to `writer`, one per line.
    /// - Throws: ``ImportError/wrongKind(file:expected:detail:)`` when no sheet has the release id columns;
    ///   ``FormatsError`` when a sheet cannot be read.
    func join(into writer: OCDSFlatFileWriter) throws -> Outcome {
        let start = writer.length
        var buffered: Set<Int> = []
        while true {
            do {
                return try attempt(into: writer, buffered: buffered)
            } catch let disorder as Disorder where !buffered.contains(disorder.sheet) {
                buffered.insert(disorder.sheet)
                try writer.truncate(to: start)
            }
        }
    }

    /// A child sheet whose rows do not follow the main sheet's order.
    private struct Disorder: Error {
        var sheet: Int
    }

    /// A child sheet being merged: how its rows find their release, and its rows (streamed or grouped).
    private final class Child {
        let index: Int
        let reader: OCDSFlatSheet.Reader
        let depth: Int
        /// The join columns it shares with the main sheet, and their positions in the child and in the main.
        let keys: [OCDSFlatPath]
        let positions: [Int]
        let mainPositions: [Int]
        var grouped: [Int: [OCDSFlatSheet.Row]]?
        var orphans = 0
        var firstOrphan: (line: Int, key: String)?

        /// The join columns that only have a value for some rows (an empty ocid, as Guatecompras' CSV have) make
        /// a row join by the columns it does fill: one signature per non-empty subset of ``keys``.
        var signatures: [(name: String, mainPositions: [Int])] {
            (1..<(1 << keys.count)).map { mask in
                let chosen = keys.indices.filter { mask & (1 << $0) != 0 }
                return (chosen.map { keys[$0].description }.joined(separator: "|"), chosen.map { mainPositions[$0] })
            }
        }
        /// The signature a row joins by, if it reached one with a value repeated in the main sheet.
        var ambiguousSignature: String?

        init(index: Int, reader: OCDSFlatSheet.Reader, keys: [OCDSFlatPath], mainKeys: [OCDSFlatPath: Int]) {
            self.index = index
            self.reader = reader
            self.keys = keys
            let columns = reader.joinColumns
            positions = keys.compactMap { columns[$0] }
            mainPositions = keys.compactMap { mainKeys[$0] }
            depth = reader.columns.compactMap { $0?.depth }.max() ?? 0
        }

        /// The signature and key a row joins by: the join columns it fills; nil when it fills none.
        func key(_ row: OCDSFlatSheet.Row) -> (signature: String, key: String)? {
            var names: [String] = []
            var values: [String] = []
            for (key, position) in zip(keys, positions) {
                let value = position < row.cells.count ? OCDSFlatCell.trimmed(row.cells[position]) : ""
                guard !value.isEmpty else { continue }
                names.append(key.description)
                values.append(value)
            }
            return values.isEmpty ? nil : (names.joined(separator: "|"), values.joined(separator: "\u{1F}"))
        }

        func orphan(_ row: OCDSFlatSheet.Row, key: String) {
            orphans += 1
            if firstOrphan == nil { firstOrphan = (row.line, key) }
        }
    }

    private func attempt(into writer: OCDSFlatFileWriter, buffered: Set<Int>) throws -> Outcome {
        var outcome = Outcome()
        let readers = try sheets.map { try $0.open() }
        // flatterer (another flattening tool) joins its tables on `_link` columns and writes `tender_title`:
        // read as JSON paths those rows would join wrongly, so the layout is refused by name.
        if let other = readers.first(where: { $0.columns.contains { $0?.description.hasPrefix("_link") == true } }) {
            throw ImportError.wrongKind(
                file: fileName, expected: "OCDS aplanado con flatten-tool",
                detail:
                    "la hoja «\(other.sheet.name)» tiene columnas _link de flatterer, que no se leen; importe el JSON")
        }
        guard let mainIndex = Self.mainIndex(readers) else {
            throw ImportError.wrongKind(
                file: fileName, expected: "OCDS aplanado (flatten-tool)",
                detail: "ninguna hoja tiene la columna «id» u «ocid» de las entregas; si los encabezados son títulos, "
                    + "aplane otra vez sin --use-titles")
        }
        let main = readers[mainIndex]
        let mainKeys = main.joinColumns
        outcome.mainSheet = main.sheet.name
        outcome.mainEncoding = main.encoding
        outcome.isRecords = main.columns.contains { column in
            if case .key(let first)? = column?.components.first {
                return first == "compiledRelease" || first == "releases"
            }
            return false
        }

        var children: [Child] = []
        for (index, reader) in readers.enumerated() where index != mainIndex {
            let shared = OCDSFlatPath.joinKeys.filter { reader.joinColumns[$0] != nil && mainKeys[$0] != nil }
            guard !shared.isEmpty else {
                outcome.diagnostics.append(
                    Diagnostic(
                        file: reader.sheet.label, severity: .warning,
                        message: "la hoja «\(reader.sheet.name)» no tiene una columna "
                            + "(\(OCDSFlatPath.joinKeys.map(\.description).joined(separator: ", "))) que la una a "
                            + "«\(main.sheet.name)»; se ignora"))
                continue
            }
            children.append(Child(index: index, reader: reader, keys: shared, mainKeys: mainKeys))
        }
        // Parents before children (`awards` before `awa_suppliers`), so list elements keep the parents' order.
        children.sort { ($0.depth, $0.index) < ($1.depth, $1.index) }
        outcome.childSheets = children.count

        // First pass over the main sheet: each row's release (its ordinal), and every key a child joins by.
        let fullSignature = OCDSFlatPath.joinKeys.filter { mainKeys[$0] != nil }
        var maps: [String: [String: Int]] = [:]
        var ambiguous: Set<String> = []
        var rowOrdinals: [Int] = []
        var releases = 0
        var signatures: [String: [Int]] = [:]
        for child in children {
            for signature in child.signatures { signatures[signature.name] = signature.mainPositions }
        }
        let scan = try sheets[mainIndex].open()
        let fullPositions = fullSignature.compactMap { mainKeys[$0] }
        while let row = try scan.next() {
            guard let key = Self.key(row.cells, fullPositions) else {
                rowOrdinals.append(releases)
                releases += 1
                continue
            }
            if let ordinal = maps[""]?[key] {
                rowOrdinals.append(ordinal)
                continue
            }
            let ordinal = releases
            releases += 1
            rowOrdinals.append(ordinal)
            maps["", default: [:]][key] = ordinal
            for (signature, positions) in signatures {
                // A main row is found by a signature only when it fills all of its columns.
                guard let childKey = Self.key(row.cells, positions),
                    !childKey.split(
                        separator: "\u{1F}",
                        omittingEmptySubsequences: false
                    ).contains(where: \.isEmpty)
                else { continue }
                if let earlier = maps[signature]?[childKey], earlier != ordinal {
                    ambiguous.insert(signature)
                } else {
                    maps[signature, default: [:]][childKey] = ordinal
                }
            }
        }

        func target(_ child: Child, _ row: OCDSFlatSheet.Row) -> (key: String, ordinal: Int?) {
            guard let (signature, key) = child.key(row) else { return ("", nil) }
            if ambiguous.contains(signature) { child.ambiguousSignature = signature }
            return (key, maps[signature]?[key])
        }
        for child in children where buffered.contains(child.index) {
            var grouped: [Int: [OCDSFlatSheet.Row]] = [:]
            while let row = try child.reader.next() {
                let (key, ordinal) = target(child, row)
                if let ordinal { grouped[ordinal, default: []].append(row) } else { child.orphan(row, key: key) }
            }
            child.grouped = grouped
            outcome.diagnostics.append(
                Diagnostic(
                    file: child.reader.sheet.label, severity: .info,
                    message: "las filas de «\(child.reader.sheet.name)» no siguen el orden de «\(main.sheet.name)»; "
                        + "se unieron leyendo la hoja entera en memoria"))
        }

        // Second pass: each release from its main rows, then the rows of every child sheet that belong to it.
        var current: (ordinal: Int, value: JSONValue, line: Int, clashes: [String])?
        var written = -1
        func flush() throws {
            guard var release = current else { return }
            current = nil
            for child in children {
                var rows: [OCDSFlatSheet.Row] = []
                if child.grouped != nil {
                    rows = child.grouped?.removeValue(forKey: release.ordinal) ?? []
                } else {
                    while let row = try child.reader.peek() {
                        let (key, ordinal) = target(child, row)
                        guard let ordinal else {
                            child.orphan(row, key: key)
                            _ = try child.reader.next()
                            continue
                        }
                        if ordinal > release.ordinal { break }
                        if ordinal < release.ordinal { throw Disorder(sheet: child.index) }
                        rows.append(row)
                        _ = try child.reader.next()
                    }
                }
                for row in rows {
                    let (value, clashes) = OCDSFlatTree.object(cells: row.cells, columns: child.reader.columns)
                    release.clashes += clashes
                    OCDSFlatTree.merge(&release.value, value, path: "", clashes: &release.clashes)
                }
            }
            if !release.clashes.isEmpty {
                let shown = release.clashes.prefix(3).map { "«\($0)»" }.joined(separator: ", ")
                outcome.diagnostics.append(
                    Diagnostic(
                        file: main.sheet.label, line: release.line, severity: .warning,
                        message: "valores distintos para el mismo campo en filas de esta entrega (\(shown)"
                            + (release.clashes.count > 3 ? " y \(release.clashes.count - 3) más" : "")
                            + "); se conserva el primero"))
            }
            try writer.write(release.value.jsonData() + Data("\n".utf8))
            outcome.origins.append(Origin(label: main.sheet.label, line: release.line))
            written = release.ordinal
        }

        var position = 0
        while let row = try main.next() {
            let ordinal = position < rowOrdinals.count ? rowOrdinals[position] : releases
            position += 1
            let (value, clashes) = OCDSFlatTree.object(cells: row.cells, columns: main.columns)
            if var release = current, release.ordinal == ordinal {
                release.clashes += clashes
                OCDSFlatTree.merge(&release.value, value, path: "", clashes: &release.clashes)
                current = release
                continue
            }
            if ordinal <= written {
                let key = Self.key(row.cells, fullPositions) ?? ""
                outcome.diagnostics.append(
                    Diagnostic(
                        file: main.sheet.label, line: row.line,
                        field: fullSignature.map(\.description).joined(separator: ", "),
                        message: "la entrega «\(key.replacingOccurrences(of: "\u{1F}", with: " "))» ya apareció "
                            + "más arriba y sus filas no están seguidas; flatten-tool escribe seguidas las filas de "
                            + "una entrega"))
                continue
            }
            try flush()
            current = (ordinal, value, row.line, clashes)
        }
        try flush()

        // What remains of a streamed child sheet either belongs to no release or came too late.
        for child in children where child.grouped == nil {
            while let row = try child.reader.next() {
                let (key, ordinal) = target(child, row)
                if ordinal != nil { throw Disorder(sheet: child.index) }
                child.orphan(row, key: key)
            }
        }
        for child in children {
            if let first = child.firstOrphan {
                let key = first.key.isEmpty ? "sin id" : "«\(first.key.replacingOccurrences(of: "\u{1F}", with: " "))»"
                outcome.diagnostics.append(
                    Diagnostic(
                        file: child.reader.sheet.label, line: first.line, severity: .warning,
                        message: "\(child.orphans) fila(s) de «\(child.reader.sheet.name)» no corresponden a ninguna "
                            + "entrega de «\(main.sheet.name)» (la primera: \(key)); se ignoran"))
            }
            if let signature = child.ambiguousSignature {
                outcome.diagnostics.append(
                    Diagnostic(
                        file: child.reader.sheet.label, severity: .warning,
                        message: "«\(child.reader.sheet.name)» se une por «\(signature)», que se repite en "
                            + "«\(main.sheet.name)»; sus filas se unen a la primera entrega con ese valor"))
            }
        }
        return outcome
    }

    /// The main sheet: the one named like flatten-tool's main sheet, else the first with a join column.
    private static func mainIndex(_ readers: [OCDSFlatSheet.Reader]) -> Int? {
        let candidates = readers.indices.filter { !readers[$0].joinColumns.isEmpty }
        for name in mainSheetNames {
            if let index = candidates.first(where: { readers[$0].sheet.name.lowercased() == name }) { return index }
        }
        return candidates.first
    }

    /// The row's values in `positions`, joined; nil when they are all empty.
    private static func key(_ cells: [String], _ positions: [Int]) -> String? {
        let values = positions.map { $0 < cells.count ? OCDSFlatCell.trimmed(cells[$0]) : "" }
        return values.allSatisfy(\.isEmpty) ? nil : values.joined(separator: "\u{1F}")
    }
}
