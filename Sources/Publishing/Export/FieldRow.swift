import Foundation

/// The rows of a table being written field by field into the bytes of its CSV and JSON files, exactly as
/// ``TableFileSink`` writes the same values given as cells: the profile's separators and quoting, the formula
/// guard, JSON escapes, numbers from their exact units, and the privacy guard on every guarded text column.
///
/// The table fills it in place through ``FieldRowWriter/writeRow(_:)`` (one checked access per row, none per
/// field): each row is its fields in column order. It refers to its buffers' memory: never copy it.
struct FieldRow: RowFields {
    let heading: TableHeading
    /// Rows ended so far.
    private(set) var count = 0
    private var column = 0
    private var csv: ByteRun
    private var json: ByteRun
    private let csvEncoder: CSVRowEncoder
    private let keys: JSONKeys
    private let jsonLines: Bool
    private let privacy: PrivacyGuard?
    private let guardedColumns: [Bool]
    private let decimalSeparator: UInt8
    /// Each guarded column's last value found clean: codes repeat down a table, and comparing is cheaper than
    /// scanning again.
    private var lastClean: [[UInt8]]
    static let capacity = 1 << 17

    /// `csvStart` is what the CSV file begins with (byte order mark, header).
    /// Handed-over buffers come back through `pool`.
    init(
        heading: TableHeading, profile: FormatProfile, jsonLines: Bool, privacy: PrivacyGuard?, csvStart: [UInt8],
        pool: ByteStoragePool
    ) {
        csv = ByteRun(capacity: Self.capacity + (1 << 14), pool: pool)
        json = ByteRun(capacity: Self.capacity + (1 << 14), pool: pool)
        self.heading = heading
        self.csvEncoder = CSVRowEncoder(profile: profile)
        self.keys = JSONKeys(JSONRowEncoder(columns: heading.columns).keys)
        self.jsonLines = jsonLines
        self.privacy = privacy
        self.guardedColumns = heading.columns.map { privacy?.allows(table: heading.name, column: $0.name) == false }
        self.lastClean = Array(repeating: [], count: heading.columns.count)
        self.decimalSeparator = profile.decimalSeparator
        csvStart.withUnsafeBufferPointer { csv.appendBytes($0) }
    }

    /// A text value (a `.text` cell), from its UTF-8 bytes.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        startField()
        if guardedColumns[column] { guardText(bytes) }
        appendText(bytes)
    }

    /// Ledger bytes read in place: as they are when they are already the text GRDB would read.
    mutating func storedText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if StoredText.isPlain(bytes) { text(bytes) } else { text(StoredText.string(bytes)) }
    }

    /// A text value.
    mutating func text(_ value: String) {
        value.withUTF8Bytes { text($0) }
    }

    /// Text that is empty when absent or empty (as `Provenance.text`).
    mutating func optionalText(_ bytes: UnsafeBufferPointer<UInt8>?) {
        if let bytes, !bytes.isEmpty { text(bytes) } else { empty() }
    }

    /// An empty value: nothing in CSV, `null` in JSON.
    mutating func empty() {
        startField()
        json.appendBytes("null")
        column += 1
    }

    mutating func integer(_ value: Int64) {
        startField()
        NumberBytes.appendInteger(value, into: &csv)
        NumberBytes.appendInteger(value, into: &json)
        column += 1
    }

    /// An amount in centavos (a `.money` cell).
    mutating func money(_ centavos: Int64) {
        startField()
        NumberBytes.appendCentavos(centavos, decimalSeparator: decimalSeparator, into: &csv)
        NumberBytes.appendCentavos(centavos, decimalSeparator: UInt8(ascii: "."), into: &json)
        column += 1
    }

    /// An amount, or empty when absent.
    mutating func optionalCentavos(_ centavos: Int64?) {
        if let centavos { money(centavos) } else { empty() }
    }

    /// A number given in units of its last of `places` decimal places (`6552`, 2 → `65.52`), as a percentage or
    /// decimal cell of that value prints.
    mutating func units(_ units: Int64, places: Int) {
        startField()
        NumberBytes.appendUnits(units, places: places, decimalSeparator: decimalSeparator, into: &csv)
        NumberBytes.appendUnits(units, places: places, decimalSeparator: UInt8(ascii: "."), into: &json)
        column += 1
    }

    /// Any cell, written as ``TableFileSink/write(_:)`` writes it.
    mutating func cell(_ cell: Cell) {
        switch cell {
        case .text(let value):
            text(value)
        case .person(let value):
            // A natural person's value is a finding however it reads: checked as the cell, never remembered clean.
            startField()
            if guardedColumns[column] { check(cell) }
            value.withUTF8Bytes { appendText($0) }
        case .empty:
            empty()
        default:
            startField()
            _ = NumberBytes.append(cell, decimalSeparator: decimalSeparator, into: &csv)
            _ = NumberBytes.append(cell, decimalSeparator: UInt8(ascii: "."), into: &json)
            column += 1
        }
    }

    /// Ends the row; true when the buffers are full and should be handed over.
    mutating func end() -> Bool {
        precondition(column == keys.count, "\(heading.name): \(column) campos de \(keys.count) columnas")
        csv.appendBytes("\r\n")
        json.append(UInt8(ascii: "}"))
        if jsonLines { json.append(0x0A) }
        count += 1
        column = 0
        return csv.count >= Self.capacity || json.count >= Self.capacity
    }

    /// The bytes written so far; the row starts on empty buffers.
    mutating func takeBytes() -> (csv: ByteStorage, json: ByteStorage) {
        (csv.take(), json.take())
    }

    /// After the last row: the JSON array's end.
    mutating func close() {
        if !jsonLines { json.appendBytes(count == 0 ? "[]\n" : "\n]\n") }
    }

    /// A text field's bytes in both files; the field is done.
    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        csvEncoder.appendText(bytes, into: &csv)
        JSONRowEncoder.string(bytes, into: &json)
        column += 1
    }

    /// Before each field: the separators, and at a row's first field the JSON object's start.
    @inline(__always)
    private mutating func startField() {
        precondition(column < keys.count, "\(heading.name): más campos que sus \(keys.count) columnas")
        if column == 0 {
            if !jsonLines { json.appendBytes(count == 0 ? "[\n  " : ",\n  ") }
            json.append(UInt8(ascii: "{"))
        } else {
            csv.append(csvEncoder.profile.delimiter)
            json.appendBytes(", ")
        }
        keys.append(column, into: &json)
    }

    private mutating func guardText(_ bytes: UnsafeBufferPointer<UInt8>) {
        let clean = lastClean[column].withUnsafeBufferPointer { last in
            guard last.count == bytes.count else { return false }
            guard let previous = last.baseAddress, let current = bytes.baseAddress else { return true }
            return memcmp(previous, current, bytes.count) == 0
        }
        if clean { return }
        if PersonalDataDetector.scan(bytes) != nil {
            check(.text(String(decoding: bytes, as: UTF8.self)))
        } else {
            lastClean[column].removeAll(keepingCapacity: true)
            lastClean[column].append(contentsOf: bytes)
        }
    }

    private func check(_ cell: Cell) {
        privacy?.check(cell, table: heading.name, column: heading.columns[column].name, row: count + 1)
    }
}
