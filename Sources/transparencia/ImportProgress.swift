import Foundation

/// The progress line of a long import on stderr: bytes and records read, rate and time left, redrawn at most
/// four times a second. Silent when stderr is not a terminal or with `--quiet`. One thread at a time calls
/// ``update(bytes:records:)``; ``finish()`` runs after it is done.
final class ImportProgress: @unchecked Sendable {
    private let enabled: Bool
    private let fileName: String
    private let totalBytes: Int64
    /// What a record is called in this import (`registros`, `filas`).
    private let unit: String
    private let started = Date()
    private var lastDraw = Date.distantPast

    init(enabled: Bool, fileName: String, totalBytes: Int64, unit: String = "registros") {
        self.enabled = enabled
        self.fileName = fileName
        self.totalBytes = totalBytes
        self.unit = unit
    }

    /// Records the position; redraws when enough time has passed.
    func update(bytes: Int64, records: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        guard bytes > 0 else {
            // Position unknown (rows inside an XLSX sheet): the count is all there is to show.
            FileHandle.standardError.write(Data("\r\(fileName): \(records) \(unit)\u{1B}[K".utf8))
            return
        }
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(bytes) / elapsed
        var line = "\r\(fileName): \(Self.megabytes(bytes))"
        if totalBytes > 0 { line += " de \(Self.megabytes(totalBytes)) (\(bytes * 100 / max(totalBytes, 1)) %)" }
        line += " · \(records) \(unit) · \(Self.megabytes(Int64(rate)))/s"
        if totalBytes > bytes, rate > 0 {
            let remaining = Int(Double(totalBytes - bytes) / rate)
            line += " · faltan \(remaining / 60):\(remaining % 60 < 10 ? "0" : "")\(remaining % 60)"
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private static func megabytes(_ bytes: Int64) -> String {
        let tenths = bytes * 10 / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
