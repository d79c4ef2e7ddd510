import Formats
import Foundation

/// Folder and file writes of the portal, with errors that name the path.
enum PortalFiles {
    static func createFolder(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw PublishingError.unwritable(path: url.path, cause: SystemErrorText.describe(error))
        }
    }

    /// Writes text atomically: into `NAME.parcial`, then renamed over the page, so a reader of the site never
    /// sees half a page. Not synced to disk: a site is rebuilt whole by the next `publish`, and Foundation's
    /// atomic write (a random temporary file and an fsync per file) made writing a national institution's
    /// 2,400 files cost more than drawing them.
    static func write(_ text: String, to url: URL) throws {
        let temporary = url.path + ".parcial"
        func failure(_ code: Int32) -> PublishingError {
            PublishingError.unwritable(
                path: url.path, cause: SystemErrorText.describe(POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)))
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(errno) }
        var text = text
        let written = text.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress else { return 0 }
            var offset = 0
            while offset < bytes.count {
                let count = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return 0
        }
        let closed = close(descriptor) == 0 ? 0 : errno
        guard written == 0, closed == 0, rename(temporary, url.path) == 0 else {
            let code = written != 0 ? written : closed != 0 ? closed : errno
            unlink(temporary)
            throw failure(code)
        }
    }
}
