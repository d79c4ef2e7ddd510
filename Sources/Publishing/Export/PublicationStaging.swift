import Formats
import Foundation

/// Where a publication is written before it is published: a hidden folder inside the output folder. Every
/// file is written there under its final name; only when all of them were written, the privacy guard passed
/// and the descriptor is ready are they renamed into the output folder one by one (`rename(2)` replaces a
/// file atomically), so a reader never sees half a file, and a failed export leaves the previous publication
/// as it was.
final class PublicationStaging {
    /// The output folder.
    let directory: URL
    /// The hidden folder the files are written into.
    let folder: URL
    private var committed = false

    /// - Parameters:
    ///   - directory: the output folder.
    ///   - dryRun: stage in the system's temporary folder instead, so a dry run leaves no trace (not even the
    ///     output folder) behind.
    init(directory: URL, dryRun: Bool = false) throws {
        self.directory = directory
        let name = ".transparencia-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        folder = (dryRun ? FileManager.default.temporaryDirectory : directory).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw PublishingError.unwritable(path: directory.path, cause: SystemErrorText.describe(error))
        }
    }

    /// The staged file with a final name.
    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// Moves the staged files into the output folder, in the given order (the descriptor last), and removes the
    /// staging folder.
    /// - Returns: the published files.
    func commit(_ names: [String]) throws -> [URL] {
        var published: [URL] = []
        for name in names {
            let target = directory.appendingPathComponent(name)
            guard rename(file(name).path, target.path) == 0 else {
                let cause = String(cString: strerror(errno))
                throw PublishingError.unwritable(path: target.path, cause: cause)
            }
            published.append(target)
        }
        committed = true
        discard()
        return published
    }

    /// Removes the staging folder and whatever is still in it.
    func discard() {
        try? FileManager.default.removeItem(at: folder)
    }

    deinit {
        if !committed { discard() }
    }
}
