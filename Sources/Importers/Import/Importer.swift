import Domain
import Foundation

/// One source kind's reader: turns a file into Domain records and diagnostics, handing each over as soon as it is
/// known, so the caller can write while the file is still being read and memory does not grow with the file.
///
/// An importer never touches the ledger. The `Pipeline` target drives every importer the same way (digest,
/// idempotency, transaction, dry runs, rejects, progress); adding a source is one type conforming to this
/// protocol and one case of ``SourceKind``.
public protocol Importer: Sendable {
    /// What one accepted unit of the file becomes (a procurement, a budget line, the metas of a file…).
    associatedtype Record: Sendable

    /// Reads a file.
    ///
    /// - Parameters:
    ///   - file: the file and how to name it.
    ///   - emit: receives records, rejected rows (one ``ImportEvent/rejected(_:)`` per row left out), warnings,
    ///     repairs and progress, in file order. It may throw to stop the reading.
    /// - Returns: what the whole file turned out to be (its shape, counts, file-level problems).
    /// - Throws: when the file as a whole cannot be read (unreadable, not this kind, hostile), or what `emit` throws.
    func read(_ file: ImportFile, emit: (consuming ImportEvent<Record>) throws -> Void) throws -> ImportReading

    /// Which entries of a ZIP given as input this importer reads, each as its own import, or the whole archive as
    /// one input. By default every entry whose extension is in ``acceptedExtensions``.
    func archiveHandling(entryPaths: [String]) -> ArchiveHandling

    /// File extensions (lowercase, without the dot) this importer reads inside a ZIP.
    var acceptedExtensions: Set<String> { get }
}

extension Importer {
    public func archiveHandling(entryPaths: [String]) -> ArchiveHandling {
        // An XLSX workbook is a ZIP too: it is one input, read by importers that read spreadsheets.
        if entryPaths.contains("xl/workbook.xml") {
            return acceptedExtensions.contains("xlsx") ? .whole : .eachEntry([])
        }
        let wanted = entryPaths.filter { path in
            acceptedExtensions.contains((path as NSString).pathExtension.lowercased())
        }
        return .eachEntry(wanted)
    }
}
