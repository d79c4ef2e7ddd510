/// One record of a delimited file as the UTF-8 bytes of its fields, one after the other in one buffer.
///
/// What ``CSVRecord`` holds as one `String` per field, without making those strings: a reader that parses
/// codes and amounts from the bytes (a national execution file has thirty fields a line, most of them digits)
/// makes a string only of the fields it keeps as text. The bytes are the file's text decoded (Windows-1252
/// transcoded to UTF-8), so ``string(at:)`` equals the field of the same record read as a ``CSVRecord``.
public struct CSVByteRecord: Sendable {
    /// 1-based physical line where the record starts (quoted fields may span lines).
    public var line: Int
    /// Every field's bytes, in order.
    public private(set) var bytes: [UInt8]
    /// Where each field ends in ``bytes`` (the next one starts there).
    public private(set) var ends: [Int]

    /// An empty record; fields are added by the reader (``append(field:encoding:)``), which keeps `ends` in step
    /// with `bytes`.
    public init(line: Int) {
        self.line = line
        self.bytes = []
        self.ends = []
    }

    /// How many fields the record has.
    @inlinable public var count: Int { ends.count }

    mutating func reserveCapacity(fields: Int, bytes count: Int) {
        ends.reserveCapacity(fields)
        bytes.reserveCapacity(count)
    }

    /// Adds a field from its bytes in `encoding`.
    mutating func append(field: [UInt8], encoding: TextEncoding) {
        switch encoding {
        case .utf8, .utf8BOM: bytes.append(contentsOf: field)
        case .windows1252:
            // Most fields are ASCII (codes, amounts): appended whole, without the transcoder's slices, which
            // retained and released the field's storage once per run of ASCII.
            field.withUnsafeBufferPointer { field in
                if field.allSatisfy({ $0 < 0x80 }) {
                    bytes.append(contentsOf: field)
                } else {
                    Windows1252.appendUTF8(of: field, to: &bytes)
                }
            }
        }
        ends.append(bytes.count)
    }

    /// The range of a field's bytes.
    @usableFromInline func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// A field's text.
    @inlinable public func string(at index: Int) -> String {
        String(decoding: bytes[range(index)], as: UTF8.self)
    }

    /// Calls `body` with a field's bytes (UTF-8). Inlinable, as every accessor a reader calls per field: called
    /// from another module without specialization, each call looked up its generic metadata at run time.
    @inlinable public func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let range = range(index)
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[range]))
        }
    }

    /// The record with one `String` per field.
    public var record: CSVRecord {
        CSVRecord(line: line, fields: (0..<count).map(string(at:)))
    }
}
