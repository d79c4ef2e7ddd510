import Foundation
import ZIPFoundation

/// Spanish words for what ZIPFoundation and zlib report, so no English case name (`corruptedData`,
/// `missingEndOfCentralDirectoryRecord`) is ever the whole message: the library's own name follows as a detail.
enum ZipErrorText {
    /// What went wrong, in Spanish, followed by the library's name for it (`… (detalle: corruptedData)`).
    static func describe(_ error: any Error) -> String {
        let name = "\(error)"
        return "\(spanish(error, name: name)) (detalle: \(name))"
    }

    private static func spanish(_ error: any Error, name: String) -> String {
        if let archive = error as? Archive.ArchiveError {
            switch archive {
            case .unreadableArchive: return "no se pudo leer el archivo"
            case .invalidCompressionMethod:
                return "usa un método de compresión desconocido (solo se leen «stored» y «deflate»)"
            case .invalidCRC32: return "la suma de verificación CRC-32 no coincide: los datos están alterados"
            case .invalidEntrySize: return "el tamaño declarado de la entrada es inválido"
            case .invalidLocalHeaderDataOffset, .invalidLocalHeaderSize:
                return "la cabecera local de la entrada está dañada"
            case .invalidCentralDirectoryOffset, .invalidCentralDirectorySize, .invalidCentralDirectoryEntryCount:
                return "el directorio central está dañado"
            case .missingEndOfCentralDirectoryRecord:
                return "falta el registro de fin del directorio central (archivo truncado o que no es ZIP)"
            case .invalidEntryPath: return "una entrada tiene un nombre ilegible"
            case .uncontainedSymlink: return "una entrada es un enlace que sale de la carpeta"
            default: return "el archivo ZIP está dañado"
            }
        }
        // zlib's errors (ZIPFoundation's internal Data.CompressionError) are only known by name.
        switch name {
        case "corruptedData": return "los datos comprimidos están dañados y no se pueden descomprimir"
        case "invalidStream": return "el flujo comprimido es inválido"
        default: break
        }
        if let cocoa = error as? CocoaError {
            return cocoa.code == .fileReadCorruptFile ? "el archivo está dañado" : "no se pudo leer el archivo"
        }
        if error is POSIXError { return "no se pudo leer el archivo" }
        return "error inesperado al leer el ZIP"
    }
}
