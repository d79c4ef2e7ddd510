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
        }
    }
}
