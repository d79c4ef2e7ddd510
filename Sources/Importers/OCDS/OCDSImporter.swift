import Domain
import Formats
import Foundation

/// Reads OCDS files of any shape Guatecompras or other tools produce and hands over one ``Procurement`` per
/// contracting process, in bounded memory:
///
/// - record packages (`records[]`): each record's `compiledRelease`, or its embedded releases compiled;
/// - release packages (`releases[]`), root arrays and JSON Lines of releases or records: releases are grouped by
///   ocid (a first pass notes each release's byte range, a second re-reads each group) and compiled;
/// - a bare release or record;
/// - flatten-tool output (an XLSX, a ZIP of CSV or one CSV; see ``OCDSFlatSource``): the sheets are joined back
///   into releases or records and read like JSON Lines of them.
///
/// Elements are cut by ``JSONArrayElementScanner`` / ``JSONLinesReader`` and decoded one at a time with
/// ``JSONTapeDecoder`` (`JSONDecoder` when it declines), so a 300 MB monthly package never sits in memory.
public struct OCDSImporter: Sendable {
    /// The catalog modalities are matched against.
    public let catalog: ModalityCatalog
    /// Depth and size limits for the JSON reader.
    public let limits: JSONScanLimits

    /// An importer with the bundled catalog and default limits unless told otherwise.
    public init(catalog: ModalityCatalog = .bundled, limits: JSONScanLimits = .init()) {
        self.catalog = catalog
        self.limits = limits
    }

    /// Reads a file, handing each procurement and diagnostic to `handle` as soon as it is ready.
    ///
    /// - Parameters:
    ///   - url: the JSON or JSON Lines file (a ZIP of JSON is opened by the caller), or a flattened XLSX, ZIP of
    ///     CSV or CSV.
    ///   - displayName: the name used in diagnostics (e.g. `2022-05.zip:2022-05_Guatecompras.json`).
    ///   - progress: called after each element with the bytes and records read so far; may throw to stop.
    ///   - handle: receives procurements, rejects and warnings; may throw to stop.
    /// - Throws: ``FormatsError`` when the file itself is broken (truncated, not UTF-8, NUL bytes, too deep).
    public func read(
        _ url: URL, displayName: String? = nil, progress: (Int64, Int) throws -> Void = { _, _ in },
        handle: (OCDSImportEvent) throws -> Void
    ) throws -> OCDSReadSummary {
        try withoutActuallyEscaping(handle) { handle in
            try read(url, name: displayName ?? url.lastPathComponent, progress: progress, handle: handle)
        }
    }

    private func read(
        _ url: URL, name: String, progress: (Int64, Int) throws -> Void,
        handle: @escaping (OCDSImportEvent) throws -> Void
    ) throws -> OCDSReadSummary {
        if let flat = try OCDSFlatSource.detect(url) {
            return try readFlattened(url, source: flat, name: name, progress: progress, handle: handle)
        }
        var run = Run(importer: self, fileName: name, handle: handle)
        run.summary.bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64) ?? 0
        switch try OCDSFileShape.detect(url) {
        case .jsonLines:
            run.summary.shape = "JSON Lines"
            let reader = try JSONLinesReader(url: url, limits: limits)
            var index = ReleaseIndex()
            while let element = try reader.next() {
                try run.element(element, releaseIndex: &index)
                try progress(reader.bytesRead, run.summary.recordsRead)
            }
            try run.compileGroups(index, from: url)
        case .document:
            let scanner = try JSONArrayElementScanner(url: url, limits: limits)
            var index = ReleaseIndex()
            var bareRecordReleases: [JSONValue] = []
            var bareRecordLocation: OCDSLocation?
            // Records need nothing from each other: they are read in batches on every core.
            var batch = OCDSJobBatch()
            do {
                while let element = try scanner.next() {
                    if element.arrayKey != "releases" || scanner.topLevelKeys.contains("ocid") {
                        // Anything but a package's release hands over the releases gathered before it first.
                        try run.finishReleases(into: &index)
                    }
                    if element.arrayKey == "records" {
                        run.summary.shape = "paquete de registros"
                        if batch.add(.record(element.bytes, run.location(element))) { try run.submit(batch.take()) }
                        try progress(scanner.bytesRead, run.summary.recordsRead)
                        continue
                    }
                    try run.submit(batch.take())
                    try run.drain()
                    if element.arrayKey == "releases", scanner.topLevelKeys.contains("ocid") {
                        // A bare record ({ocid, releases, …}): its releases belong together.
                        run.summary.shape = "registro suelto"
                        bareRecordLocation = bareRecordLocation ?? run.location(element)
                        if let value = run.tree(element.bytes, at: run.location(element)) {
                            bareRecordReleases.append(value)
                        }
                    } else if element.arrayKey == "releases" {
                        run.summary.shape = "paquete de entregas"
                        try run.gatherRelease(element, into: &index)
                    } else {
                        run.summary.shape = element.index < 0 ? "entrega o registro suelto" : "arreglo JSON"
                        try run.element(element, releaseIndex: &index)
                    }
                    try progress(scanner.bytesRead, run.summary.recordsRead)
                }
            } catch {
                try run.finishReleases(into: &index)
                try run.drain(before: error)
            }
            try run.finishReleases(into: &index)
            try run.submit(batch.take())
            try run.drain()
            if let location = bareRecordLocation {
                try run.compiled(bareRecordReleases, releaseIDs: [], at: location)
            }
            try run.compileGroups(index, from: url)
        }
        return run.summary
    }

    /// Where each release of each ocid sits in the file, in order of first appearance.
    struct ReleaseIndex {
        var order: [String] = []
        var ranges: [String: [(offset: Int64, length: Int, location: OCDSLocation)]] = [:]

        mutating func add(ocid: String, offset: Int64, length: Int, location: OCDSLocation) {
            if ranges[ocid] == nil { order.append(ocid) }
            ranges[ocid, default: []].append((offset, length, location))
        }
    }

    /// The minimal look at an element needed to tell records from releases and to group releases.
    private struct Probe: Decodable {
        var ocid: String?
        var releases: [OCDSRecord.ReleaseEntry]?
        var compiledRelease: JSONValue?
        var tag: [String]?

        enum CodingKeys: String, CodingKey { case ocid, releases, compiledRelease, tag }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ocid = try container.text(.ocid)
            releases = try container.decodeIfPresent([OCDSRecord.ReleaseEntry].self, forKey: .releases)
            compiledRelease = container.contains(.compiledRelease) ? .null : nil
            tag = try? container.decodeIfPresent([String].self, forKey: .tag)
        }

        var isRecord: Bool { releases != nil || compiledRelease != nil }
    }

    /// The state of reading one file.
    struct Run {
        let importer: OCDSImporter
        let fileName: String
        let handle: (OCDSImportEvent) throws -> Void
        var summary = OCDSReadSummary()
        /// The batch being read on every core while the next one is cut (`submit`, `drain`).
        var inFlight: OCDSBatchInFlight?
        let decoder = JSONDecoder()
        /// A package's release waiting to be indexed: its bytes, offset in the file and location.
        typealias GatheredRelease = (bytes: Data, offset: Int64, location: OCDSLocation)
        /// Releases gathered for the next ``OCDSOcidScan``, and their bytes.
        var gathered: [GatheredRelease] = []
        var gatheredBytes = 0
        /// The batch of releases whose ocids are being found on another core.
        var ocidScan: (scan: OCDSOcidScan, releases: [GatheredRelease])?
        /// Where an element came from when the file read is not the user's (flattened sheets joined into JSON
        /// Lines): then messages name the sheet and row, not a byte offset.
        var origin: ((JSONElement) -> OCDSLocation)?

        init(importer: OCDSImporter, fileName: String, handle: @escaping (OCDSImportEvent) throws -> Void) {
            self.importer = importer
            self.fileName = fileName
            self.handle = handle
        }

        func location(_ element: JSONElement) -> OCDSLocation {
            if let origin { return origin(element) }
            return OCDSLocation(file: fileName, line: element.line, offset: element.offset, path: element.path)
        }

        /// ` (byte 1234)` after a message, when the offset means something to the user.
        func bytePosition(_ offset: Int64) -> String { origin == nil ? " (byte \(offset))" : "" }

        /// Decodes an OCDS element: straight from its tape when the tape gives what `JSONDecoder` would (nearly
        /// always), otherwise as any other type.
        mutating func decode<T: OCDSObject>(_ type: T.Type, _ bytes: Data, at location: OCDSLocation) -> T? {
            if let value = try? T(fields: OCDSTapeFields<T.CodingKeys>(object: JSONTapeObject(bytes))) { return value }
            return decodeDecodable(type, bytes, at: location)
        }

        /// Decodes an element, repairing lone surrogate escapes once; reports failures as rejects.
        mutating func decodeDecodable<T: Decodable>(_ type: T.Type, _ bytes: Data, at location: OCDSLocation) -> T? {
            // Most elements are well formed: the tape decoder builds only the fields the ledger keeps. It declines
            // anything it is unsure of, and then `JSONDecoder` reads the element and its errors are the ones shown.
            if let value = try? JSONTapeDecoder().decode(type, from: bytes) { return value }
            do {
                return try decoder.decode(type, from: bytes)
            } catch let error as DecodingError {
                // A lone surrogate surfaces as whatever the failing container expected, so try the repair on any
                // decoding error; it returns nil when there is no such escape.
                if let (fixed, replaced) = JSONSurrogateRepair.repair(bytes),
                    let value = try? decoder.decode(type, from: fixed)
                {
                    pendingRepairs += 1
                    pendingWarnings.append(
                        location.diagnostic(
                            .warning,
                            "\(replaced) carácter(es) con escapes \\u inválidos (sustitutos UTF-16 sueltos) reemplazados por «\u{FFFD}»"
                        ))
                    return value
                }
                rejectUndecodable(error, at: location)
                return nil
            } catch {
                rejectUndecodable(error, at: location)
                return nil
            }
        }

        /// Decodes a compiled tree directly (no JSON text in between), reporting failures as rejects as `decode`
        /// does: read straight from the tree when it gives what ``JSONValueDecoder`` would (nearly always).
        mutating func decode<T: OCDSObject>(_ type: T.Type, tree: JSONValue, at location: OCDSLocation) -> T? {
            if let value = try? T(fields: OCDSTreeFields<T.CodingKeys>(tree)) { return value }
            do {
                return try JSONValueDecoder().decode(type, from: tree)
            } catch {
                rejectUndecodable(error, at: location)
                return nil
            }
        }

        /// Rejects an element that did not decode: a `DecodingError` with its JSON path and Spanish wording,
        /// anything else with the system's text.
        private mutating func rejectUndecodable(_ error: any Error, at location: OCDSLocation) {
            guard let error = error as? DecodingError else {
                reject(location.diagnostic(.error, "no se pudo leer el elemento: \(SystemErrorText.describe(error))"))
                return
            }
            reject(
                location.diagnostic(
                    .error, field: error.jsonPath.isEmpty ? nil : error.jsonPath,
                    error.spanishMessage + bytePosition(location.offset)))
        }

        /// Parses an element into a tree (for compiling releases), repairing lone surrogate escapes once.
        mutating func tree(_ bytes: Data, at location: OCDSLocation) -> JSONValue? {
            do {
                return try JSONValue.parse(bytes, maxDepth: importer.limits.maxDepth)
            } catch {
                if let (fixed, replaced) = JSONSurrogateRepair.repair(bytes),
                    let value = try? JSONValue.parse(fixed, maxDepth: importer.limits.maxDepth)
                {
                    pendingRepairs += 1
                    pendingWarnings.append(
                        location.diagnostic(
                            .warning,
                            "\(replaced) carácter(es) con escapes \\u inválidos (sustitutos UTF-16 sueltos) reemplazados por «\u{FFFD}»"
                        ))
                    return value
                }
                var detail = SystemErrorText.describe(error)
                var offset = location.offset
                if case FormatsError.jsonSyntax(_, let within, _, let what) = error {
                    detail = what
                    offset += within
                }
                reject(location.diagnostic(.error, "JSON mal formado: \(detail)" + bytePosition(offset)))
                return nil
            }
        }

        var pendingRepairs = 0
        var pendingWarnings: [Diagnostic] = []
        var pendingRejects: [Diagnostic] = []

        mutating func reject(_ diagnostic: Diagnostic) { pendingRejects.append(diagnostic) }

        /// Hands over what decoding one element produced.
        mutating func flush(_ mapping: OCDSProcurementMapper.Mapping?, at location: OCDSLocation) throws {
            summary.recordsRead += 1
            // An error in the mapping (no NOG, an impossible amount) rejects the element.
            let rejects = pendingRejects + (mapping?.diagnostics.filter { $0.severity == .error } ?? [])
            let warnings = pendingWarnings + (mapping?.diagnostics.filter { $0.severity != .error } ?? [])
            pendingRejects = []
            pendingWarnings = []
            defer { pendingRepairs = 0 }
            if let procurement = mapping?.procurement, rejects.isEmpty {
                let repairs = mapping?.repairs ?? []
                summary.repaired += pendingRepairs + repairs.count
                for warning in warnings { try handle(.diagnostic(warning)) }
                for repair in repairs { try handle(.repaired(repair)) }
                try handle(.procurement(procurement, location))
            } else {
                summary.rejected += 1
                for warning in warnings { try handle(.diagnostic(warning)) }
                // One reject per element, so "rejected" counts records, not problems.
                guard var reject = rejects.first else {
                    try handle(.rejected(location.diagnostic(.error, "elemento sin datos de contratación")))
                    return
                }
                for other in rejects.dropFirst() {
                    reject.message += "; " + (other.field.map { "«\($0)»: " } ?? "") + other.message
                }
                try handle(.rejected(reject))
            }
        }

        /// One element of a root array or one line of JSON Lines: a record, or a release to group.
        mutating func element(_ element: JSONElement, releaseIndex: inout ReleaseIndex) throws {
            let location = location(element)
            // A byte scan tells records from releases and finds the ocid; only odd elements are decoded here.
            if let fields = JSONTopLevelFields.scan(element.bytes, wanted: ["ocid"]) {
                if fields.keys.contains("releases") || fields.keys.contains("compiledRelease") {
                    try record(element.bytes, at: location)
                    return
                }
                if let ocid = fields.strings["ocid"] {
                    releaseIndex.add(
                        ocid: ocid, offset: element.offset, length: element.bytes.count, location: location)
                    return
                }
            }
            guard let probe = decodeDecodable(Probe.self, element.bytes, at: location) else {
                try flush(nil, at: location)
                return
            }
            if probe.isRecord {
                try record(element.bytes, at: location)
            } else if let ocid = probe.ocid {
                releaseIndex.add(ocid: ocid, offset: element.offset, length: element.bytes.count, location: location)
            } else {
                reject(location.diagnostic(.error, field: "ocid", "la entrega no tiene ocid"))
                try flush(nil, at: location)
            }
        }

        /// A release of a package, gathered so that its ocid is found on another core (``OCDSOcidScan``) while
        /// the next releases are cut; indexed, in file order, when the batch after it is full or anything else
        /// comes (``finishReleases(into:)``).
        mutating func gatherRelease(_ element: JSONElement, into index: inout ReleaseIndex) throws {
            gathered.append((element.bytes, element.offset, location(element)))
            gatheredBytes += element.bytes.count
            guard gathered.count >= OCDSJobBatch.maxJobs || gatheredBytes >= 4 << 20 else { return }
            try indexScanned(into: &index)
            ocidScan = (OCDSOcidScan(gathered.map(\.bytes)), gathered)
            gathered.removeAll(keepingCapacity: true)
            gatheredBytes = 0
        }

        /// Indexes every release gathered so far, in file order.
        mutating func finishReleases(into index: inout ReleaseIndex) throws {
            try indexScanned(into: &index)
            let releases = gathered
            gathered = []
            gatheredBytes = 0
            for release in releases {
                let ocid = JSONTopLevelFields.scan(release.bytes, wanted: ["ocid"])?.strings["ocid"]
                try indexRelease(release, ocid: ocid, into: &index)
            }
        }

        /// Indexes the batch whose ocids are being found, once they are.
        private mutating func indexScanned(into index: inout ReleaseIndex) throws {
            guard let (scan, releases) = ocidScan else { return }
            ocidScan = nil
            for (release, ocid) in zip(releases, scan.ocids()) { try indexRelease(release, ocid: ocid, into: &index) }
        }

        /// Indexes one release by the ocid found by a byte scan, or decodes it when the scan found none.
        private mutating func indexRelease(
            _ release: GatheredRelease, ocid scanned: String?, into index: inout ReleaseIndex
        ) throws {
            let location = release.location
            if let ocid = scanned {
                index.add(ocid: ocid, offset: release.offset, length: release.bytes.count, location: location)
                return
            }
            guard let probe = decodeDecodable(Probe.self, release.bytes, at: location) else {
                try flush(nil, at: location)
                return
            }
            guard let ocid = probe.ocid else {
                reject(location.diagnostic(.error, field: "ocid", "la entrega no tiene ocid"))
                try flush(nil, at: location)
                return
            }
            index.add(ocid: ocid, offset: release.offset, length: release.bytes.count, location: location)
        }

        /// One record: its compiled release, or its embedded releases compiled here.
        mutating func record(_ bytes: Data, at location: OCDSLocation) throws {
            guard let record = decode(OCDSRecord.self, bytes, at: location) else {
                try flush(nil, at: location)
                return
            }
            let releaseIDs = (record.releases ?? []).compactMap(\.releaseID)
            if var compiled = record.compiledRelease {
                // Some publishers leave the ocid only on the record.
                if compiled.ocid == nil { compiled.ocid = record.ocid }
                let mapping = OCDSProcurementMapper(catalog: importer.catalog)
                    .map(compiled, releaseIDs: releaseIDs, at: location, fieldPrefix: "compiledRelease.")
                try flush(mapping, at: location)
                return
            }
            guard let value = tree(bytes, at: location), case .array(let releases)? = value["releases"],
                !releases.isEmpty
            else {
                if pendingRejects.isEmpty {
                    reject(
                        location.diagnostic(
                            .error, field: "releases", "el registro no tiene compiledRelease ni entregas"))
                }
                try flush(nil, at: location)
                return
            }
            // Linked releases (only url/date/tag) cannot be compiled without fetching them.
            if releases.allSatisfy({ $0["tender"] == nil && $0["awards"] == nil && $0["parties"] == nil }) {
                reject(
                    location.diagnostic(
                        .error, field: "releases",
                        "el registro solo enlaza sus entregas (url) y no trae compiledRelease; descargue el paquete con entregas completas"
                    ))
                try flush(nil, at: location)
                return
            }
            try compiled(releases, releaseIDs: releaseIDs, at: location)
        }

        /// Compiles whole releases of one process and maps the result.
        mutating func compiled(_ releases: [JSONValue], releaseIDs: [String], at location: OCDSLocation) throws {
            guard let compiledValue = OCDSReleaseCompiler.compile(releases) else {
                try flush(nil, at: location)
                return
            }
            let ids = releaseIDs.isEmpty ? releases.compactMap { $0["id"]?.text } : releaseIDs
            guard let release = decode(OCDSRelease.self, tree: compiledValue, at: location) else {
                try flush(nil, at: location)
                return
            }
            let mapping = OCDSProcurementMapper(catalog: importer.catalog)
                .map(release, releaseIDs: ids, at: location, fieldPrefix: "")
            try flush(mapping, at: location)
        }

        /// Second pass over grouped releases: re-reads each ocid's releases by byte range and compiles them, in
        /// batches on every core.
        mutating func compileGroups(_ index: ReleaseIndex, from url: URL) throws {
            guard !index.order.isEmpty else { return }
            try FileRangeReader.withFile(url, name: fileName) { file in
                var batch = OCDSJobBatch()
                do {
                    for ocid in index.order {
                        guard let ranges = index.ranges[ocid], !ranges.isEmpty else { continue }
                        var releases: [OCDSJob.Release] = []
                        releases.reserveCapacity(ranges.count)
                        for range in ranges {
                            releases.append((try file.read(offset: range.offset, length: range.length), range.location))
                        }
                        if batch.add(.releases(releases)) { try submit(batch.take()) }
                    }
                } catch {
                    try drain(before: error)
                }
                try submit(batch.take())
                try drain()
            }
        }

        /// The compiled release of one ocid's releases read from their tapes (nearly always), or a
        /// ``JSONTapeError`` when the trees must be compiled instead: a release the tape declines or the tree
        /// parser might reject, or a compiled value ``OCDSTreeFields`` would not read.
        func compiledFromTapes(_ ranges: [OCDSJob.Release]) throws -> (OCDSRelease, [String]) {
            let tapes = try ranges.map { try JSONTapeObject($0.bytes) }
            guard tapes.allSatisfy({ $0.parsesAsTree(maxDepth: importer.limits.maxDepth) }) else {
                throw JSONTapeError(reason: "entrega que el árbol podría rechazar")
            }
            return try OCDSReleaseCompiler.compile(tapes: tapes)
        }

        /// Compiles the releases of one ocid (in file order) and maps the result.
        mutating func compileGroup(_ ranges: [OCDSJob.Release]) throws {
            guard let first = ranges.first else { return }
            if ranges.count == 1 {
                // One release: it is its own compiled release; decode it directly.
                guard let release = decode(OCDSRelease.self, first.bytes, at: first.location) else {
                    try flush(nil, at: first.location)
                    return
                }
                let mapping = OCDSProcurementMapper(catalog: importer.catalog)
                    .map(release, releaseIDs: release.id.map { [$0] } ?? [], at: first.location, fieldPrefix: "")
                try flush(mapping, at: first.location)
                return
            }
            if let (release, releaseIDs) = try? compiledFromTapes(ranges) {
                let mapping = OCDSProcurementMapper(catalog: importer.catalog)
                    .map(release, releaseIDs: releaseIDs, at: first.location, fieldPrefix: "")
                try flush(mapping, at: first.location)
                return
            }
            var releases: [JSONValue] = []
            for range in ranges {
                if let value = tree(range.bytes, at: range.location) { releases.append(value) }
            }
            if !pendingRejects.isEmpty {
                try flush(nil, at: first.location)
                return
            }
            try compiled(releases, releaseIDs: [], at: first.location)
        }
    }
}
