import Formats
import Foundation

/// Atomic placement of finished files: readers see the old file or the new one, never half of one.
enum AtomicFile {
    /// Renames `source` over `destination` (POSIX `rename`, atomic on one filesystem).
    static func move(_ source: URL, over destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else {
            throw FetchError.fileSystem(path: destination.path, message: String(cString: strerror(errno)))
        }
    }

    /// Places a copy of `source` at `destination` through a temporary sibling renamed into place.
    /// A copy, not a hard link: editing the output must never alter the cached bytes.
    static func place(_ source: URL, at destination: URL) throws {
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FetchError.fileSystem(path: destination.path, message: SystemErrorText.describe(error))
        }
        do {
            try move(temporary, over: destination)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
