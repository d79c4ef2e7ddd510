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

    /// Writes text atomically (a reader of the site never sees half a page).
    static func write(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw PublishingError.unwritable(path: url.path, cause: SystemErrorText.describe(error))
        }
    }
}
