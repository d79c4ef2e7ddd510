import Foundation

/// Locates a fixture bundled with ImportersTests.
enum FixtureFile {
    static func url(_ path: String) throws -> URL {
        let url = URL(fileURLWithPath: path)
        let subdirectory = ["Fixtures", url.deletingLastPathComponent().relativePath].filter {
            $0 != "." && !$0.isEmpty
        }
        .joined(separator: "/")
        guard
            let found = Bundle.module.url(
                forResource: url.deletingPathExtension().lastPathComponent, withExtension: url.pathExtension,
                subdirectory: subdirectory)
        else { throw CocoaError(.fileNoSuchFile) }
        return found
    }
}
