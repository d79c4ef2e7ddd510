import Domain
import Formats

/// A row of an execution table as ``ExecutionTableParser`` reads it: cells by column, as text or as bytes.
///
/// Spreadsheets and JSON give their cells as strings (``Formats/CSVRecord``); CSV files give their bytes
/// (``Formats/CSVByteRecord``), from which codes and amounts are read without making a string of each cell. A
/// column beyond the row's end reads as an empty cell.
protocol ExecutionRow {
    /// Where the row is in its file (line, or record number for JSON).
    var line: Int { get }
    /// How many cells the row has.
    var cellCount: Int { get }
    /// A cell's text as the file has it.
    func cell(_ column: Int) -> String
    /// A cell's text without surrounding whitespace, exactly as ``Domain/Whitespace/trimmed(_:)``.
    func trimmed(_ column: Int) -> String
    /// Calls `body` with a cell's UTF-8 bytes.
    func withCellBytes<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R
}

extension ExecutionRow {
    /// Every cell's text, at least `count` of them (missing cells empty).
    func cells(padding count: Int) -> [String] {
        (0..<max(count, cellCount)).map(cell)
    }

    /// Calls `body` with a cell's bytes trimmed of spaces and tabs when both its ends then are ASCII, which is
    /// exactly what ``Domain/Whitespace/trimmed(_:)`` leaves; with nil when an end is another character (a
    /// no-break space, a letter with an accent), which only the text can tell.
    func withTrimmedBytes<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        try withCellBytes(column) { bytes in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
            while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            guard start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) else { return try body(nil) }
            return try body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    /// True when the cell is empty or whitespace only.
    func isBlank(_ column: Int) -> Bool {
        withTrimmedBytes(column) { $0.map(\.isEmpty) } ?? Whitespace.isBlank(cell(column))
    }
}

extension CSVRecord: ExecutionRow {
    var cellCount: Int { fields.count }
    func cell(_ column: Int) -> String { column < fields.count ? fields[column] : "" }
    func trimmed(_ column: Int) -> String { Whitespace.trimmed(cell(column)) }

    func withCellBytes<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text = cell(column)
        return try text.withUTF8(body)
    }
}

extension CSVByteRecord: ExecutionRow {
    var cellCount: Int { count }
    func cell(_ column: Int) -> String { column < count ? string(at: column) : "" }

    func trimmed(_ column: Int) -> String {
        withTrimmedBytes(column) { $0.map { String(decoding: $0, as: UTF8.self) } } ?? Whitespace.trimmed(cell(column))
    }

    func withCellBytes<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard column < count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try withBytes(at: column, body)
    }
}
