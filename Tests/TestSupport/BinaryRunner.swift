import Foundation

/// Runs the built `transparencia` binary, as a user would, and captures what it prints.
public struct BinaryRunner: Sendable {
    /// What one run printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The repository root (for `Samples/` and test fixtures shared across targets).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The repository's `Samples/` folder.
    public static var samples: URL { root.appendingPathComponent("Samples") }

    /// The executable: the build folder that holds the test bundle also holds it.
    public static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("transparencia") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? root.appendingPathComponent(".build/debug/transparencia")
    }

    /// The working directory of ``run(_:)``.
    public let directory: URL

    /// A runner bound to one working directory (a test's temporary folder).
    public init(directory: URL) {
        self.directory = directory
    }

    /// Runs the binary with arguments in this runner's directory.
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try Self.run(arguments, in: directory, environment: environment)
    }

    /// Runs the binary with arguments in a working directory (the repository root by default), with extra
    /// environment variables.
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:])
        throws -> Result
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A run still going: its process, for tests that signal it, and what it printed once it ends.
    public final class Running: @unchecked Sendable {
        public let process: Process
        private let out: Pipe
        private let err: Pipe

        init(process: Process, out: Pipe, err: Pipe) {
            self.process = process
            self.out = out
            self.err = err
        }

        /// Waits for the end and returns what it printed.
        public func wait() -> Result {
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    /// Starts the binary without waiting for it.
    public func start(_ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}
