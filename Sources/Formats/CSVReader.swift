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
    private var buffer = Data()
    private var position = 0
    private var line = 1
    private var atEnd = false
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
        self.dialect = CSVDialect(encoding: encoding, delimiter: delimiter ?? .init(ascii: ","))
        if encoding == .utf8BOM {
            try fill()
            position = 3
        }
        if delimiter == nil {
            self.dialect.delimiter = try sniffDelimiter()
        }
    }

    /// Bytes of the file consumed so far (for progress).
    public var bytesRead: Int64 { source.bytesRead }

    /// The next record, or nil at end of file. Blank lines are skipped.
    public func next() throws -> CSVRecord? {
        while true {
            guard let record = try readRecord() else { return nil }
            if !sawRecord, let commentPrefix, record.fields.first?.utf8.first == commentPrefix { continue }
            if record.fields == [""] { continue }
            sawRecord = true
            return record
        }
    }

    private func fill(compacting: Bool = true) throws {
        if compacting && position > 0 && position >= buffer.count / 2 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        if let chunk = try source.nextChunk() { buffer.append(chunk) } else { atEnd = true }
    }

    private func byte(at index: Int) throws -> UInt8? {
        while index >= buffer.count {
            if atEnd { return nil }
            try fill(compacting: false)
        }
        return buffer[buffer.startIndex + index]
    }

    private func readRecord() throws -> CSVRecord? {
        if position >= buffer.count {
            try fill()
            if position >= buffer.count && atEnd { return nil }
        }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var fieldStarted = false
        let delimiter = dialect.delimiter
        while true {
            if position >= buffer.count {
                try fill()
                if position >= buffer.count {
                    if quoted { throw FormatsError.unterminatedQuote(file: fileName, line: startLine) }
                    fields.append(dialect.encoding.decode(field))
                    return CSVRecord(line: startLine, fields: fields)
                }
            }
            if !quoted {
                // The plain bytes of an unquoted field are copied in one go, up to the next byte that means
                // something (separator, line end, quote, NUL), which the byte-by-byte rules below then read.
                let start = position
                let end = buffer.withUnsafeBytes { raw -> Int in
                    var index = start
                    while index < raw.count {
                        let byte = raw[index]
                        if byte == delimiter || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                            || byte == UInt8(ascii: "\"") || byte == 0
                        {
                            break
                        }
                        index += 1
                    }
                    field.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start..<index]))
                    return index
                }
                if end > start {
                    position = end
                    fieldStarted = true
                    if field.count > limits.maxFieldBytes {
                        throw FormatsError.fieldTooLarge(file: fileName, line: startLine, limit: limits.maxFieldBytes)
                    }
                    continue
                }
            }
            let current = buffer[buffer.startIndex + position]
            position += 1
            if current == 0 { throw FormatsError.nulByte(file: fileName, line: line) }
            if quoted {
                if current == UInt8(ascii: "\"") {
                    if position >= buffer.count { try fill() }
                    if position < buffer.count && buffer[buffer.startIndex + position] == UInt8(ascii: "\"") {
                        field.append(current)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else if current == UInt8(ascii: "\r") {
                    // CRLF inside a quoted field becomes LF, as it does between records.
                    if position >= buffer.count { try fill() }
                    if position >= buffer.count || buffer[buffer.startIndex + position] != UInt8(ascii: "\n") {
                        field.append(current)
                    }
                } else {
                    if current == UInt8(ascii: "\n") { line += 1 }
                    field.append(current)
                }
            } else if current == UInt8(ascii: "\"") && !fieldStarted {
                quoted = true
                fieldStarted = true
            } else if current == delimiter {
                fields.append(dialect.encoding.decode(field))
                field.removeAll(keepingCapacity: true)
                fieldStarted = false
                if fields.count > limits.maxFields {
                    throw FormatsError.tooManyFields(file: fileName, line: startLine, limit: limits.maxFields)
                }
            } else if current == UInt8(ascii: "\n") {
                line += 1
                fields.append(dialect.encoding.decode(field))
                return CSVRecord(line: startLine, fields: fields)
            } else if current == UInt8(ascii: "\r") {
                continue
            } else {
                field.append(current)
                fieldStarted = true
            }
            if field.count > limits.maxFieldBytes {
                throw FormatsError.fieldTooLarge(file: fileName, line: startLine, limit: limits.maxFieldBytes)
            }
        }
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
        while buffer.count - position < Self.sniffSampleBytes && !atEnd { try fill(compacting: false) }
        let sample = buffer[(buffer.startIndex + position)...]
        return DelimiterSniffer.sniff(sample, commentPrefix: commentPrefix, complete: atEnd) ?? UInt8(ascii: ",")
    }
}
