import Foundation

/// One table as published: its files and what the descriptor says about it.
struct PublishedTable {
    var heading: TableHeading
    var summary: String
    var laipNumerals: [Int]
    var primaryKey: [String]
    /// Foreign keys to tables of the same publication: (columns, referenced table, referenced columns).
    var foreignKeys: [(fields: [String], table: String, referencedFields: [String])]
    /// Columns the profile allows to carry personal data.
    var personalColumns: [String]
    var csv: FileFacts
    /// The JSON file's name: the descriptor gives it no size or hash.
    var jsonName: String
    var rows: Int

    /// A published file's name, size and SHA-256 (computed from the staged file).
    struct FileFacts {
        var name: String
        var bytes: Int64
        var sha256: String
    }
}
