import Foundation

/// How a ZIP given to an importer is read.
public enum ArchiveHandling: Sendable, Hashable {
    /// Each of these entries is extracted and imported as a file of its own (empty: the ZIP holds nothing to read).
    case eachEntry([String])
    /// The archive is one input (a workbook of sheets, flattened tables): the importer reads the ZIP itself.
    case whole
}
