import Foundation

/// What a ``CSVReader`` has read ahead of its records and where it stands: the bytes of the current chunks, the
/// position in them and the line number, with the record scan itself.
///
/// A struct held by the reader, so that scanning one record is one exclusive access to it: as stored properties
/// of the reader (a class), every look at the buffer and the position went through Swift's dynamic exclusivity
/// checks, a third of the CSV thread's time on a national execution file.
struct CSVScanState {
    let source: ChunkedFileReader
    /// An array rather than `Data`: `Data` keeps its bytes in a class whose every access inside the scan loop
    /// went through the exclusivity checks as well.
    var buffer: [UInt8] = []
    var position = 0
    var line = 1
    var atEnd = false
    /// The field bytes' buffer, kept between records so its capacity is allocated once.
    private var scratch: [UInt8] = []
    /// Fields and bytes of the previous record: records of one file are alike, so each is sized once.
    private var lastFieldCount = 0
    private var lastByteCount = 0

    init(source: ChunkedFileReader) {
        self.source = source
    }

    mutating func fill(compacting: Bool = true) throws {
        if compacting && position > 0 && position >= buffer.count / 2 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        if let chunk = try source.nextChunk() { buffer.append(contentsOf: chunk) } else { atEnd = true }
    }

    /// Reads the next record from the current position; nil at end of file.
    mutating func readRecord(dialect: CSVDialect, limits: CSVReader.Limits, fileName: String) throws -> CSVByteRecord? {
        if position >= buffer.count {
            try fill()
            if position >= buffer.count && atEnd { return nil }
        }
        var record = CSVByteRecord(line: line)
        record.reserveCapacity(fields: lastFieldCount, bytes: lastByteCount)
        let startLine = line
        let encoding = dialect.encoding
        var field = scratch
        scratch = []
        defer {
            lastFieldCount = record.count
            lastByteCount = record.bytes.count
            field.removeAll(keepingCapacity: true)
            scratch = field
        }
        var quoted = false
        var fieldStarted = false
        let delimiter = dialect.delimiter
        while true {
            if position >= buffer.count {
                try fill()
                if position >= buffer.count {
                    if quoted { throw FormatsError.unterminatedQuote(file: fileName, line: startLine) }
                    record.append(field: field, encoding: encoding)
                    return record
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
                record.append(field: field, encoding: encoding)
                field.removeAll(keepingCapacity: true)
                fieldStarted = false
                if record.count > limits.maxFields {
                    throw FormatsError.tooManyFields(file: fileName, line: startLine, limit: limits.maxFields)
                }
            } else if current == UInt8(ascii: "\n") {
                line += 1
                record.append(field: field, encoding: encoding)
                return record
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
}
