import Foundation

/// Reads the rows of one worksheet of an XLSX file as ``CSVRecord`` values (the line is the row number),
/// so importers treat spreadsheets and delimited text alike.
///
/// The package is opened through ``SafeZipArchive`` and every part through the hardened
/// ``XMLPullReader``. Cell values come out as text: shared and inline strings as written, numbers as
/// stored (`186450.5`), booleans as `TRUE`/`FALSE`, and numbers in a date format as ISO dates
/// (`2022-03-14`), so date order never has to be guessed for them. The sheet part is read into memory
/// (bounded by ``Limits/maxSheetBytes``) and then parsed as a stream, without building a tree.
public final class XLSXReader {
    /// Limits for spreadsheet files.
    public struct Limits: Sendable, Hashable {
        /// Limits of the ZIP container.
        public var zip = SafeZipArchive.Limits()
        /// Largest uncompressed worksheet part.
        public var maxSheetBytes: Int64 = 512 << 20
        /// Largest shared-strings or styles part.
        public var maxPartBytes: Int64 = 128 << 20
        /// Widest row accepted (column XFD is 16384).
        public var maxColumns = 16_384
        /// Longest cell text, in bytes.
        public var maxCellBytes = 1 << 20
        /// The default limits.
        public init() {}
    }

    /// The file name, for messages.
    public let fileName: String
    /// Every worksheet's name, in workbook order.
    public let sheetNames: [String]
    /// The worksheet being read.
    public let sheetName: String
    private let reader: XMLPullReader
    private let sharedStrings: XLSXSharedStrings
    private let styles: XLSXStyles
    private let uses1904: Bool
    private let limits: Limits
    private let part: String
    private var nextRowNumber = 1

    private init(
        fileName: String, sheetNames: [String], sheet: XLSXWorkbook.Sheet, reader: XMLPullReader,
        sharedStrings: XLSXSharedStrings, styles: XLSXStyles, uses1904: Bool, limits: Limits
    ) {
        self.fileName = fileName
        self.sheetNames = sheetNames
        self.sheetName = sheet.name
        self.part = sheet.part
        self.reader = reader
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.uses1904 = uses1904
        self.limits = limits
    }

    /// Opens a workbook and runs `body` with a reader over one of its sheets.
    /// - Parameters:
    ///   - sheet: the sheet's name (case and accents ignored); the first sheet when nil.
    /// - Throws: ``FormatsError`` when the file is not a safe, well-formed XLSX or the sheet does not exist.
    public static func withSheet<T>(
        url: URL, sheet: String? = nil, limits: Limits = Limits(), _ body: (XLSXReader) throws -> T
    ) throws -> T {
        let archive = try SafeZipArchive(url: url, limits: limits.zip)
        let workbook = try XLSXWorkbook(archive: archive)
        let names = workbook.sheets.map(\.name)
        let chosen: XLSXWorkbook.Sheet
        if let sheet {
            let key = HeaderKey.normalize(sheet)
            guard let match = workbook.sheets.first(where: { HeaderKey.normalize($0.name) == key }) else {
                throw FormatsError.xlsxSheetNotFound(file: archive.fileName, sheet: sheet, available: names)
            }
            chosen = match
        } else if let first = workbook.sheets.first {
            chosen = first
        } else {
            throw FormatsError.xlsxInvalid(file: archive.fileName, part: "xl/workbook.xml", detail: "no hay hojas")
        }
        guard archive.contains(chosen.part) else {
            throw FormatsError.xlsxInvalid(
                file: archive.fileName, part: chosen.part,
                detail: "la hoja «\(chosen.name)» apunta a una parte que no existe")
        }
        let strings = try XLSXSharedStrings(
            archive: archive, part: workbook.sharedStringsPart, maxBytes: limits.maxPartBytes)
        let styles = try XLSXStyles(archive: archive, part: workbook.stylesPart, maxBytes: limits.maxPartBytes)
        let data = try archive.data(for: chosen.part, maxBytes: limits.maxSheetBytes)
        var xmlLimits = XMLPullReader.Limits()
        xmlLimits.maxTextBytes = limits.maxCellBytes
        return try XMLPullReader.withReader(data, file: archive.fileName, part: chosen.part, limits: xmlLimits) { xml in
            try body(
                XLSXReader(
                    fileName: archive.fileName, sheetNames: names, sheet: chosen, reader: xml, sharedStrings: strings,
                    styles: styles, uses1904: workbook.uses1904Dates, limits: limits))
        }
    }

    /// The next non-empty row, or nil after the last one. Missing cells are empty strings.
    public func next() throws -> CSVRecord? {
        while let event = try reader.next() {
            guard case .start("row", let attributes, let isEmpty) = event else { continue }
            let number = attributes["r"].flatMap(Int.init) ?? nextRowNumber
            nextRowNumber = number + 1
            if isEmpty { continue }
            let fields = try readCells(row: number)
            let record = CSVRecord(line: number, fields: fields)
            if !record.isBlank { return record }
        }
        return nil
    }

    private func readCells(row: Int) throws -> [String] {
        var fields: [String] = []
        var nextColumn = 0
        while let event = try reader.next() {
            switch event {
            case .end("row"):
                while fields.last == "" { fields.removeLast() }
                return fields
            case .start("c", let attributes, let isEmpty):
                let column = try attributes["r"].map { try self.column(of: $0, row: row) } ?? nextColumn
                guard column < limits.maxColumns else {
                    throw FormatsError.tooManyFields(file: fileName, line: row, limit: limits.maxColumns)
                }
                let value = isEmpty ? "" : try readCell(attributes, row: row)
                if column >= fields.count {
                    fields.append(contentsOf: repeatElement("", count: column - fields.count + 1))
                }
                fields[column] = value
                nextColumn = column + 1
            default:
                continue
            }
        }
        throw FormatsError.xlsxInvalid(file: fileName, part: part, detail: "la fila \(row) no se cierra")
    }

    /// Reads one `<c>` element's content up to its end tag.
    private func readCell(_ attributes: [String: String], row: Int) throws -> String {
        var raw = ""
        var inline = ""
        var inValue = false
        var inText = false
        var phoneticDepth = 0
        loop: while let event = try reader.next() {
            switch event {
            case .start("v", _, let isEmpty): inValue = !isEmpty
            case .end("v"): inValue = false
            case .start("rPh", _, let isEmpty): if !isEmpty { phoneticDepth += 1 }
            case .end("rPh"): phoneticDepth -= 1
            case .start("t", _, let isEmpty): inText = !isEmpty && phoneticDepth == 0
            case .end("t"): inText = false
            case .text(let text) where inValue: raw += text
            case .text(let text) where inText: inline += text
            case .end("c"): break loop
            default: continue
            }
        }
        switch attributes["t"] ?? "n" {
        case "s":
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), let text = sharedStrings[index] else {
                throw FormatsError.xlsxInvalid(
                    file: fileName, part: part, detail: "fila \(row): índice de texto compartido inválido «\(raw)»")
            }
            return text
        case "inlineStr": return inline
        case "b": return raw == "1" ? "TRUE" : "FALSE"
        case "str", "e", "d": return raw
        default:
            if let style = attributes["s"].flatMap(Int.init), styles.isDate(style: style),
                let iso = XLSXSerialDate.iso(raw, uses1904: uses1904)
            {
                return iso
            }
            return raw
        }
    }

    /// The 0-based column of a cell reference such as `AB12`.
    private func column(of reference: String, row: Int) throws -> Int {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard let value = Self.letterValue(scalar) else { break }
            column = column * 26 + value
            letters += 1
            guard letters <= 3 else { break }
        }
        guard letters > 0 else {
            throw FormatsError.xlsxInvalid(
                file: fileName, part: part, detail: "fila \(row): referencia de celda «\(reference)»")
        }
        return column - 1
    }

    private static func letterValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 65...90: Int(scalar.value) - 64
        case 97...122: Int(scalar.value) - 96
        default: nil
        }
    }
}
