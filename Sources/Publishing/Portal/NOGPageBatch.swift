import Dispatch
import Foundation
import Synchronization

/// Pages drawn and written on every core in the background (with their data files), while the caller reads the
/// ledger for the next batch. ``wait()`` returns the pages' paths in order, or throws the first error.
final class NOGPageBatch: Sendable {
    struct Page: Sendable {
        var page: PortalPage
        var path: String
        /// The table behind the page, written as its downloads under `dataName`.
        var data: DataTable
        var dataName: String
    }

    private let paths: [String]
    private let done = DispatchGroup()
    private let failure = Mutex<(any Error)?>(nil)

    init(_ pages: [Page], template: String, renderer: PortalRenderer, site: URL, data: URL) {
        paths = pages.map(\.path)
        done.enter()
        DispatchQueue.global().async { [self] in
            DispatchQueue.concurrentPerform(iterations: pages.count) { index in
                let entry = pages[index]
                do {
                    let url = site.appendingPathComponent(entry.path)
                    try PortalFiles.createFolder(url.deletingLastPathComponent())
                    try PortalFiles.write(try renderer.render(entry.page, template: template), to: url)
                    try PageDataWriter.writeFiles(entry.data, as: entry.dataName, in: data)
                } catch {
                    self.failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            done.leave()
        }
    }

    /// Waits for every page; returns their paths, or throws the first error.
    func wait() throws -> [String] {
        done.wait()
        if let error = failure.withLock({ $0 }) { throw error }
        return paths
    }

    /// Waits without reporting (the caller is already leaving with another error).
    func waitDiscardingErrors() {
        done.wait()
    }
}
