import Foundation

/// The Python test server (`Fixtures/http_test_server.py`) on 127.0.0.1 and a free port, stopped on `deinit`.
final class TestHTTPServer: @unchecked Sendable {
    // @unchecked: `process` is only touched in init and deinit.
    let port: Int
    private let process: Process
    private let logFile: URL
    /// Held open for the server's lifetime: when the test process ends, the server sees EOF and exits.
    private let lifeline = Pipe()

    /// One request the server saw.
    struct Request: Decodable {
        var path: String
        var seen: Int
        var range: String?
        var ifRange: String?
        var ifNoneMatch: String?
        var ifModifiedSince: String?
        var userAgent: String?

        enum CodingKeys: String, CodingKey {
            case path, seen, range
            case ifRange = "if_range"
            case ifNoneMatch = "if_none_match"
            case ifModifiedSince = "if_modified_since"
            case userAgent = "user_agent"
        }
    }

    /// Starts the server; `/static/<name>` serves the files of `staticDirectory` when one is given.
    init(staticDirectory: URL? = nil) throws {
        guard
            let script = Bundle.module.url(
                forResource: "http_test_server", withExtension: "py", subdirectory: "Fixtures")
        else {
            throw ServerError.missingScript
        }
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("fetch-test-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, logFile.path]
        if let staticDirectory {
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["TRANSPARENCIA_TEST_STATIC": staticDirectory.path]) { $1 }
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = lifeline
        try process.run()
        // The first line is the port the server bound (it asked the kernel for a free one).
        var buffer = Data()
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        guard let line = String(data: buffer, encoding: .utf8)?.split(separator: "\n").first,
            let port = Int(line.trimmingCharacters(in: .whitespaces))
        else {
            kill(process.processIdentifier, SIGKILL)
            throw ServerError.noPort
        }
        self.port = port
    }

    deinit {
        // SIGKILL: the child may have inherited a signal mask that blocks SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: logFile)
    }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The requests seen so far for paths starting with `prefix`.
    func requests(_ prefix: String = "/") throws -> [Request] {
        let text = try String(contentsOf: logFile, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
            .filter { $0.path.hasPrefix(prefix) }
    }

    /// The bytes `/file/<size>` serves.
    static func body(size: Int) -> Data {
        Data((0..<size).map { UInt8(($0 * 7 + 3) % 251) })
    }

    enum ServerError: Error {
        case missingScript, noPort
    }
}
