import Formats
import Foundation

/// One sheet of a flattened OCDS workbook as a CSV file to stream: a CSV of a ZIP (extracted), a CSV given by
/// itself, or an XLSX worksheet copied to CSV with each row's number in front.
struct OCDSFlatSheet: Sendable {
    /// The sheet's name (`releases`, `awa_suppliers`): the worksheet name or the CSV file name without `.csv`.
    var name: String
    /// Where its rows are, for diagnostics: `archivo.xlsx[awards]`, `archivo.zip:awards.csv`.
    var label: String
    /// The CSV file to read.
    var url: URL
    /// True when the first field of each row is the row's number in the original (an XLSX worksheet copy).
    var numbered: Bool

    /// `error` naming the sheet (`archivo.zip:awards.csv`) instead of the temporary file it was read from.
    func relabel(_ error: any Error) -> any Error {
        guard let error = error as? FormatsError else { return error }
        switch error {
        case .unreadable(_, let cause): return FormatsError.unreadable(file: label, cause: cause)
        case .nulByte(_, let line): return FormatsError.nulByte(file: label, line: line)
        case .fieldTooLarge(_, let line, let limit):
            return FormatsError.fieldTooLarge(file: label, line: line, limit: limit)
        case .tooManyFields(_, let line, let limit):
            return FormatsError.tooManyFields(file: label, line: line, limit: limit)
        case .unterminatedQuote(_, let line): return FormatsError.unterminatedQuote(file: label, line: line)
        case .empty: return FormatsError.empty(file: label)
        default: return error
        }
    }

    /// Runs `body`, relabeling the errors it throws.
    func relabeling<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw relabel(error) }
    }

    /// Opens the sheet for reading from its first row.
    func open() throws -> Reader { try Reader(self) }

    /// One row: its line (or worksheet row) number and its cells.
    struct Row {
        var line: Int
        var cells: [String]
    }

    /// Reads a sheet: its header as JSON paths, then its rows, with one row of look-ahead.
    final class Reader {
        let sheet: OCDSFlatSheet
        /// The header's cells read as JSON paths (nil for a cell that is not one).
        let columns: [OCDSFlatPath?]
        /// The encoding of the file (Latin-1 files are decoded as Windows-1252).
        let encoding: TextEncoding
        private let csv: CSVReader?
        private var lookahead: Row?
        private var atEnd = false

        init(_ sheet: OCDSFlatSheet) throws {
            self.sheet = sheet
            let reader: CSVReader?
            do {
                // Sheets converted from an XLSX are written by us with commas: never sniff them (a sheet of one
                // column, or of text full of semicolons, could look like another separator).
                reader = try CSVReader(url: sheet.url, delimiter: sheet.numbered ? UInt8(ascii: ",") : nil)
            } catch FormatsError.empty {
                // An empty sheet states nothing; it is read as one without rows.
                reader = nil
            } catch {
                throw sheet.relabel(error)
            }
            csv = reader
            encoding = reader?.dialect.encoding ?? .utf8
            var header: [String] = []
            if let record = try sheet.relabeling({ try reader?.next() }) {
                header = sheet.numbered ? Array(record.fields.dropFirst()) : record.fields
            }
            columns = header.map(OCDSFlatPath.init(header:))
        }

        /// The next row without consuming it.
        func peek() throws -> Row? {
            if lookahead == nil && !atEnd {
                lookahead = try read()
                atEnd = lookahead == nil
            }
            return lookahead
        }

        /// The next row, consumed.
        func next() throws -> Row? {
            let row = try peek()
            lookahead = nil
            return row
        }

        private func read() throws -> Row? {
            while let record = try sheet.relabeling({ try csv?.next() }) {
                if record.isBlank { continue }
                guard sheet.numbered else { return Row(line: record.line, cells: record.fields) }
                let line = record.fields.first.flatMap { Int($0) } ?? record.line
                return Row(line: line, cells: Array(record.fields.dropFirst()))
            }
            return nil
        }

        /// The column positions of each of ``OCDSFlatPath/joinKeys`` the sheet has.
        var joinColumns: [OCDSFlatPath: Int] {
            var found: [OCDSFlatPath: Int] = [:]
            for (position, column) in columns.enumerated() {
                if let column, OCDSFlatPath.joinKeys.contains(column), found[column] == nil { found[column] = position }
            }
            return found
        }
    }
}
