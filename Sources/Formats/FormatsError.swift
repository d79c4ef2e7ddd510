import Foundation

/// Failures reading files at the byte level, each naming the file and position.
public enum FormatsError: Error, Sendable, LocalizedError {
    /// The file could not be opened or read.
    case unreadable(file: String, cause: String)
    /// A NUL byte: the file is binary, not text.
    case nulByte(file: String, line: Int)
    /// A field longer than the reader accepts (a corrupt or hostile file).
    case fieldTooLarge(file: String, line: Int, limit: Int)
    /// A record with more fields than the reader accepts.
    case tooManyFields(file: String, line: Int, limit: Int)
    /// A quoted field never closed before the end of the file.
    case unterminatedQuote(file: String, line: Int)
    /// The file has no header row.
    case empty(file: String)
    /// A file of a kind that is read whole is larger than the limit for reading it whole.
    case tooLargeToReadWhole(file: String, bytes: Int64, limit: Int, advice: String)
    /// Bytes that are not UTF-8 where UTF-8 is required (JSON).
    case invalidUTF8(file: String, offset: Int64, line: Int)
    /// JSON whose structure is broken at a position.
    case jsonSyntax(file: String, offset: Int64, line: Int, detail: String)
    /// JSON nested deeper than the reader accepts (a hostile or corrupt file).
    case jsonTooDeep(file: String, offset: Int64, line: Int, limit: Int)
    /// One JSON element (record, release, line) larger than the reader accepts.
    case jsonElementTooLarge(file: String, offset: Int64, line: Int, limit: Int)
    /// The JSON document ends before its strings, objects or arrays are closed (an interrupted download).
    case jsonTruncated(file: String, offset: Int64, line: Int)
    /// The file is not a ZIP archive (an XLSX must be one).
    case notZip(file: String, detail: String)
    /// A ZIP entry whose path is absolute, climbs with `..`, or is a link: the archive is refused whole.
    case unsafeZipEntry(file: String, entry: String, reason: String)
    /// A ZIP limit was crossed (entries, inflated size, compression ratio).
    case zipLimit(file: String, entry: String?, detail: String)
    /// A ZIP entry the reader needs is not in the archive.
    case zipEntryMissing(file: String, entry: String)
    /// A ZIP entry could not be inflated (damaged stream, bad CRC, unknown method): where, and after how many
    /// inflated bytes; `cause` is Spanish with the library's own name as a trailing detail.
    case zipCorrupt(file: String, entry: String, inflatedBytes: Int64, cause: String)
    /// An XML part libxml2 could not parse.
    case xmlMalformed(file: String, part: String, line: Int?, detail: String)
    /// An XML part with something refused on purpose (DTD, entity, excessive nesting or text).
    case xmlForbidden(file: String, part: String, line: Int, detail: String)
    /// An HTML page that could not be parsed or that crosses a limit.
    case htmlUnreadable(file: String, line: Int?, detail: String)
    /// An HTML page with bytes, outside comments, that are not text in its encoding: it is refused rather than
    /// read with damaged values. `count` is how many such bytes the page has.
    case htmlUndecodable(file: String, line: Int, offset: Int, encoding: String, count: Int)
    /// A workbook whose structure is not that of an XLSX file.
    case xlsxInvalid(file: String, part: String, detail: String)
    /// The requested worksheet does not exist.
    case xlsxSheetNotFound(file: String, sheet: String, available: [String])

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let cause): "\(file): no se pudo leer el archivo (\(cause))"
        case .nulByte(let file, let line): "\(file):\(line): byte NUL: el archivo no es texto (¿binario o dañado?)"
        case .fieldTooLarge(let file, let line, let limit):
            "\(file):\(line): un campo supera \(limit) bytes; el archivo parece dañado"
        case .tooManyFields(let file, let line, let limit):
            "\(file):\(line): la fila tiene más de \(limit) columnas; el archivo parece dañado"
        case .unterminatedQuote(let file, let line):
            "\(file):\(line): comillas sin cerrar hasta el final del archivo"
        case .empty(let file): "\(file): el archivo está vacío (no tiene fila de encabezados)"
        case .tooLargeToReadWhole(let file, let bytes, let limit, let advice):
            "\(file): pesa \(bytes >> 20) MB y este tipo de archivo se lee entero (límite \(limit >> 20) MB); \(advice)"
        case .invalidUTF8(let file, let offset, let line):
            "\(file):\(line): byte \(offset): el texto no es UTF-8 válido; el JSON debe estar en UTF-8"
        case .jsonSyntax(let file, let offset, let line, let detail):
            "\(file):\(line): byte \(offset): JSON mal formado: \(detail)"
        case .jsonTooDeep(let file, let offset, let line, let limit):
            "\(file):\(line): byte \(offset): el JSON anida más de \(limit) niveles; el archivo parece dañado o malicioso"
        case .jsonElementTooLarge(let file, let offset, let line, let limit):
            "\(file):\(line): byte \(offset): un elemento JSON supera \(limit) bytes; el archivo parece dañado"
        case .jsonTruncated(let file, let offset, let line):
            "\(file):\(line): byte \(offset): el JSON termina antes de cerrar sus cadenas, objetos o arreglos (¿descarga interrumpida?)"
        case .notZip(let file, let detail): "\(file): no es un archivo ZIP/XLSX válido o está dañado: \(detail)"
        case .unsafeZipEntry(let file, let entry, let reason):
            "\(file): la entrada «\(entry)» del ZIP \(reason); se rechaza el archivo completo"
        case .zipLimit(let file, let entry, let detail):
            "\(file)\(entry.map { ": entrada «\($0)»" } ?? ""): \(detail); se rechaza el archivo"
        case .zipEntryMissing(let file, let entry): "\(file): falta la entrada «\(entry)» dentro del ZIP"
        case .zipCorrupt(let file, let entry, let inflatedBytes, let cause):
            "\(file): la entrada «\(entry)» del ZIP está dañada tras \(inflatedBytes) bytes descomprimidos: \(cause); "
                + "vuelva a descargar o exportar el archivo"
        case .xmlMalformed(let file, let part, let line, let detail):
            "\(file): parte «\(part)»\(line.map { ", línea \($0)" } ?? ""): el XML está mal formado; el archivo parece "
                + "dañado (detalle de libxml2: \(detail))"
        case .xmlForbidden(let file, let part, let line, let detail):
            "\(file): \(part):\(line): \(detail)"
        case .htmlUndecodable(let file, let line, let offset, let encoding, let count):
            "\(file):\(line): byte \(offset): la página tiene \(count) byte(s) que no son texto en \(encoding) fuera de "
                + "comentarios; no se importa para no guardar valores dañados sobre los buenos: vuelva a guardarla "
                + "desde el navegador"
        case .htmlUnreadable(let file, let line, let detail):
            "\(file)\(line.map { ":\($0)" } ?? ""): no se pudo leer la página HTML (\(detail))"
        case .xlsxInvalid(let file, let part, let detail):
            "\(file): \(part): no es un libro XLSX válido (\(detail))"
        case .xlsxSheetNotFound(let file, let sheet, let available):
            "\(file): no existe la hoja «\(sheet)»; hojas disponibles: \(available.joined(separator: ", "))"
        }
    }
}
