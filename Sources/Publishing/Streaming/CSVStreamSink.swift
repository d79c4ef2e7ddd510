import Foundation

/// Writes a table as CSV to a file handle while its rows stream in: the bytes ``CSVTableWriter`` renders for the
/// whole table, without ever holding it (a national year of processes is hundreds of megabytes as a table).
public final class CSVStreamSink: TableSink {
    private let handle: FileHandle
    private let encoder: CSVRowEncoder
    private var buffer: [UInt8] = []
    /// The footing received at the end (why the table is empty, notes).
    public private(set) var footing: TableFooting?
    /// Rows written.
    public private(set) var rows = 0

    /// Bytes gathered before each write to the handle.
    static let flushBytes = 1 << 16

    /// A sink writing to `handle` (stdout, or a file the caller opened) in `profile`.
    public init(handle: FileHandle, profile: FormatProfile = .abierto) {
        self.handle = handle
        self.encoder = CSVRowEncoder(profile: profile)
        buffer.reserveCapacity(Self.flushBytes * 2)
    }

    public func begin(_ heading: TableHeading) throws {
        encoder.header(heading.columns, into: &buffer)
    }

    public func write(_ row: [Cell]) throws {
        rows += 1
        encoder.row(row, into: &buffer)
        if buffer.count >= Self.flushBytes { try flush() }
    }

    public func finish(_ footing: TableFooting) throws {
        self.footing = footing
        try flush()
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
