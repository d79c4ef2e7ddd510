import Foundation

/// A streaming reader of delimited text (CSV, `;`-separated, tab-separated) in any of the encodings
/// Guatemalan systems produce.
///
/// The encoding is decided for the whole file before the first record (a first pass validates UTF-8 in
/// chunks); the delimiter is sniffed from the first records (``DelimiterSniffer``) unless it is given.
/// Records are then produced one at a time, never holding more than one chunk and one record in memory.
public final class CSVReader {
    /// Limits that keep a hostile or corrupt file from exhausting memory.
    public struct Limits: Sendable {
        public var maxFieldBytes = 1 << 20
        public var maxFields = 4096
        public init() {}
    }

    public private(set) var dialect: CSVDialect
    /// The file's name, for diagnostics.
    public let fileName: String
    private let source: ChunkedFileReader
    private let limits: Limits
    private let commentPrefix: UInt8?
    private var scan: CSVScanState
    private var sawRecord = false

    /// Opens a file, deciding its encoding and delimiter.
    /// - Parameters:
    ///   - url: the file.
    ///   - delimiter: force a delimiter instead of sniffing it.
    ///   - commentPrefix: lines starting with this character before the header (e.g. `#`) are skipped.
    ///   - limits: field-size and field-count limits.
    public init(url: URL, delimiter: UInt8? = nil, commentPrefix: Character? = nil, limits: Limits = Limits()) throws {
        self.fileName = url.lastPathComponent
        self.source = try ChunkedFileReader(url: url)
        self.limits = limits
        self.commentPrefix = commentPrefix?.asciiValue
        let encoding = try Self.detectEncoding(source)
        try source.rewind()
        self.scan = CSVScanState(source: source)
        self.dialect = CSVDialect(encoding: encoding, delimiter: delimiter ?? .init(ascii: ","))
        if encoding == .utf8BOM {
            try scan.fill()
            scan.position = 3
        }
        if delimiter == nil {
            self.dialect.delimiter = try sniffDelimiter()
        }
    }

    /// Bytes of the file consumed so far (for progress).
    public var bytesRead: Int64 { source.bytesRead }

    /// The next record, or nil at end of file. Blank lines are skipped.
    public func next() throws -> CSVRecord? {
        try nextBytes()?.record
    }

    /// The next record as bytes (see ``CSVByteRecord``), or nil at end of file. Blank lines are skipped.
    public func nextBytes() throws -> CSVByteRecord? {
        while true {
            guard let record = try readRecord() else { return nil }
            if !sawRecord, let commentPrefix, record.bytes.first == commentPrefix, record.ends[0] > 0 { continue }
            if record.count == 1 && record.bytes.isEmpty { continue }
            sawRecord = true
            return record
        }
    }

    private func readRecord() throws -> CSVByteRecord? {
        // One exclusive access to the scan state for the whole record (see ``CSVScanState``).
        try scan.readRecord(dialect: dialect, limits: limits, fileName: fileName)
    }

    private static func detectEncoding(_ source: ChunkedFileReader) throws -> TextEncoding {
        var validator = UTF8Validator()
        var first: Data?
        while let chunk = try source.nextChunk() {
            if first == nil { first = chunk }
            validator.consume(chunk)
            if !validator.isValid { return .windows1252 }
        }
        validator.finish()
        guard let first else { throw FormatsError.empty(file: source.url.lastPathComponent) }
        if !validator.isValid { return .windows1252 }
        return first.starts(with: [0xEF, 0xBB, 0xBF]) ? .utf8BOM : .utf8
    }

    /// How many bytes from the start of the file decide the separator.
    static let sniffSampleBytes = 1 << 16

    /// Decides the separator from the first records with ``DelimiterSniffer`` (comma when nothing splits).
    private func sniffDelimiter() throws -> UInt8 {
        while scan.buffer.count - scan.position < Self.sniffSampleBytes && !scan.atEnd {
            try scan.fill(compacting: false)
        }
        let sample = scan.buffer[(scan.buffer.startIndex + scan.position)...]
        return DelimiterSniffer.sniff(sample, commentPrefix: commentPrefix, complete: scan.atEnd) ?? UInt8(ascii: ",")
    }
}
