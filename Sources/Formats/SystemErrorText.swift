import Foundation

/// Spanish text for the system errors users meet (a missing file, a folder without permission, a full disk):
/// Foundation's own descriptions are English («The file doesn't exist.») and would leak into Spanish messages.
public enum SystemErrorText {
    /// What went wrong, in Spanish; the system's text only when no better one is known.
    public static func describe(_ error: any Error) -> String {
        if let localized = error as? any LocalizedError, !(error is CocoaError), !(error is POSIXError),
            let text = localized.errorDescription
        {
            return text
        }
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, let text = cocoa[nsError.code] { return text }
        if nsError.domain == NSPOSIXErrorDomain, let text = posix[Int32(nsError.code)] { return text }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying !== nsError {
            return describe(underlying)
        }
        return "error del sistema (\(nsError.domain) \(nsError.code))"
    }

    private static let cocoa: [Int: String] = [
        CocoaError.fileNoSuchFile.rawValue: "el archivo no existe",
        CocoaError.fileReadNoSuchFile.rawValue: "el archivo no existe",
        CocoaError.fileReadNoPermission.rawValue: "no hay permiso para leer el archivo",
        CocoaError.fileReadCorruptFile.rawValue: "el archivo está dañado o no tiene el formato esperado",
        CocoaError.fileReadInapplicableStringEncoding.rawValue: "el texto no está en la codificación esperada",
        CocoaError.fileReadTooLarge.rawValue: "el archivo es demasiado grande para leerlo",
        CocoaError.fileReadUnknown.rawValue: "no se pudo leer el archivo",
        CocoaError.fileWriteNoPermission.rawValue: "no hay permiso para escribir ahí",
        CocoaError.fileWriteOutOfSpace.rawValue: "no queda espacio en el disco",
        CocoaError.fileWriteVolumeReadOnly.rawValue: "el disco es de solo lectura",
        CocoaError.fileWriteFileExists.rawValue: "ya existe un archivo con ese nombre",
        CocoaError.fileWriteInvalidFileName.rawValue: "el nombre del archivo no es válido",
        CocoaError.fileWriteUnknown.rawValue: "no se pudo escribir el archivo",
        CocoaError.fileLocking.rawValue: "el archivo está bloqueado por otro programa",
    ]

    private static let posix: [Int32: String] = [
        ENOENT: "el archivo o la carpeta no existe",
        EACCES: "no hay permiso",
        EPERM: "operación no permitida",
        ENOSPC: "no queda espacio en el disco",
        EISDIR: "es una carpeta, no un archivo",
        ENOTDIR: "una parte de la ruta no es una carpeta",
        EROFS: "el disco es de solo lectura",
        EEXIST: "ya existe",
        EIO: "error de entrada/salida del disco",
        EMFILE: "demasiados archivos abiertos",
    ]
}
