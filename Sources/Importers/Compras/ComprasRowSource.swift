import Domain
import Formats
import Foundation

/// The rows of a flat export as ``CSVRecord`` values, whatever the file's shape (CSV, XLSX or JSON); every shape is
/// read as a stream.
struct ComprasRowSource {
    /// The file's shape, decided from its first bytes (not only its extension).
    enum Shape: Equatable {
        case csv, xlsx, json
    }

    let url: URL
    let shape: Shape
    let sheet: String?

    init(url: URL, sheet: String?) throws {
        self.url = url
        self.sheet = sheet
        let head = try Self.head(of: url)
        if head.starts(with: [0x50, 0x4B]) || url.pathExtension.lowercased() == "xlsx" {
            shape = .xlsx
        } else if let first = head.drop(while: { [0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }).first,
            first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        {
            shape = .json
        } else {
            shape = .csv
        }
    }

    /// Feeds every record to `body` and returns a Spanish description of how the file was read.
    /// - Parameter progress: called every 2,000 rows with the rows and bytes read so far (bytes of the file
    ///   for CSV; 0 where they are not known, as inside an XLSX sheet).
    func forEachRow(progress: (Int64, Int64) -> Void, _ body: (CSVRecord) throws -> Void) throws -> (
        description: String, replacedCharacters: Int
    ) {
        switch shape {
        case .csv:
            let reader = try CSVReader(url: url)
            var count: Int64 = 0
            while let record = try reader.next() {
                try body(record)
                count += 1
                if count % 2000 == 0 { progress(count, reader.bytesRead) }
            }
            return ("CSV \(reader.dialect.encoding.displayName), separador \(reader.dialect.delimiterName)", 0)
        case .xlsx:
            return try XLSXReader.withSheet(url: url, sheet: sheet) { reader in
                var count: Int64 = 0
                while let record = try reader.next() {
                    try body(record)
                    count += 1
                    if count % 2000 == 0 { progress(count, 0) }
                }
                return ("XLSX, hoja «\(reader.sheetName)» (hojas: \(reader.sheetNames.joined(separator: ", ")))", 0)
            }
        case .json:
            return try ComprasJSONRecords(url: url).forEach(progress: progress, body)
        }
    }

    private static func head(of url: URL) throws -> Data {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            return try handle.read(upToCount: 64) ?? Data()
        } catch {
            throw FormatsError.unreadable(file: url.lastPathComponent, cause: SystemErrorText.describe(error))
        }
    }
}
