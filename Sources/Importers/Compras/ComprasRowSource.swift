import Domain
import Foundation
import Formats

/// The rows of a flat export as ``CSVRecord`` values, whatever the file's shape (CSV, XLSX or JSON).
struct ComprasRowSource {
    /// The file's shape, decided from its first bytes (not only its extension).
    enum Shape: Equatable {
        case csv, xlsx, json
    }

    let url: URL
    let shape: Shape
    let sheet: String?
    /// The largest JSON file read (JSON is parsed whole; CSV and XLSX stream).
    static let maxJSONBytes = 256 << 20

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
    func forEachRow(progress: (Int64, Int64) -> Void, _ body: (CSVRecord) throws -> Void) throws -> (description: String, replacedCharacters: Int) {
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
            return try forEachJSONRecord(body)
        }
    }

    /// MINFIN's CKAN envelope (`{"result": {"records": [...]}}`), `{"records": [...]}` or a bare array of objects.
    private func forEachJSONRecord(_ body: (CSVRecord) throws -> Void) throws -> (description: String, replacedCharacters: Int) {
        let file = url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= Self.maxJSONBytes else {
            throw FormatsError.tooLargeToReadWhole(
                file: file, bytes: Int64(size), limit: Self.maxJSONBytes,
                advice: "descárguelo en CSV, que se lee en flujo, o por páginas")
        }
        var data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw FormatsError.unreadable(file: file, cause: error.localizedDescription)
        }
        var validator = UTF8Validator()
        validator.consume(data)
        validator.finish()
        var encoding = "UTF-8"
        if !validator.isValid {
            data = Data(TextEncoding.windows1252.decode(data).utf8)
            encoding = "Latin-1/Windows-1252"
        }
        let root: FlatJSONValue
        let replaced: Int
        do { (root, replaced) = try FlatJSONValue.parse(data) } catch let error as FlatJSONValue.SyntaxError {
            throw ImportError.invalidFile(
                file: file, diagnostics: [Diagnostic(file: file, line: error.line, message: "JSON inválido: \(error.message)")])
        }
        let envelope = root["result"] ?? root
        guard case .array(let records) = envelope["records"] ?? envelope else {
            throw ImportError.wrongKind(
                file: file, expected: "compras en JSON", detail: "no hay una lista «records» ni una lista de objetos")
        }
        if case .number(let totalText) = envelope["total"], let total = Int(totalText), total > records.count {
            throw ImportError.wrongKind(
                file: file, expected: "descarga completa de compras",
                detail: "es una página de \(records.count) de \(total) registros; descargue el conjunto completo")
        }
        var header: [String] = []
        for record in records {
            guard case .object(let members) = record else { continue }
            for member in members where !header.contains(member.key) && member.key != "_id" { header.append(member.key) }
        }
        try body(CSVRecord(line: 0, fields: header))
        for (index, record) in records.enumerated() {
            guard case .object = record else {
                throw ImportError.invalidFile(
                    file: file, diagnostics: [Diagnostic(file: file, line: index + 1, message: "el registro \(index + 1) no es un objeto")])
            }
            try body(CSVRecord(line: index + 1, fields: header.map { record[$0]?.cellText ?? "" }))
        }
        return ("JSON \(encoding), \(records.count) registro(s) (el número de «línea» es el del registro)", replaced)
    }

    private static func head(of url: URL) throws -> Data {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            return try handle.read(upToCount: 64) ?? Data()
        } catch {
            throw FormatsError.unreadable(file: url.lastPathComponent, cause: error.localizedDescription)
        }
    }
}
