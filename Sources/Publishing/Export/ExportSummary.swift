import Foundation

/// What an export wrote (or, in a dry run, would have written).
public struct ExportSummary: Sendable {
    /// One published table.
    public struct Table: Sendable {
        public var name: String
        public var rows: Int
        /// File names (`compras.csv`, `compras.json`).
        public var files: [String]
        /// Why it is empty, if it is.
        public var emptyReason: String?
        /// What a reader should know (rows left out and why).
        public var notes: [String]
    }

    public var tables: [Table]
    /// Changes since the earlier publication (nil without `--since`).
    public var changes: Int?
    /// Every file published, the descriptor last (empty in a dry run).
    public var published: [URL]
    public var directory: URL
}
