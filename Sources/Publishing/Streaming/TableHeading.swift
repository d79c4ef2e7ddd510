import Foundation

/// What a table is, before its rows: its stable name, its title and its columns.
public struct TableHeading: Sendable, Hashable {
    /// Machine name (`compras`), used for file names.
    public var name: String
    /// Spanish title shown above the table on screen.
    public var title: String
    public var columns: [DataColumn]

    public init(name: String, title: String, columns: [DataColumn]) {
        self.name = name
        self.title = title
        self.columns = columns
    }
}
