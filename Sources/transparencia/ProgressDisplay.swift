import Domain
import Fetch
import Foundation
import Pipeline

/// The progress line of a long import on stderr: bytes and rows read, rate and time left, redrawn at most four
/// times a second and only once the import has run for a second. Silent when stderr is not a terminal or with
/// `--quiet`.
final class ProgressDisplay {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ progress: ImportProgress) {
        guard enabled, progress.seconds >= 1 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        drawn = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.line(progress)).utf8))
    }

    func clear() {
        guard drawn else { return }
        drawn = false
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// `2022-05.json: 12.3 MB de 201.0 MB (6 %) · 1,024 registros · 9.8 MB/s · faltan 0:19`.
    static func line(_ progress: ImportProgress) -> String {
        var parts: [String] = []
        let rows = "\(DigitGrouping.grouped(UInt64(max(0, progress.rows)))) \(progress.kind.rowWord)"
        if progress.bytes > 0 {
            var read = ByteCount.text(progress.bytes)
            if progress.totalBytes > 0 {
                read += " de \(ByteCount.text(progress.totalBytes)) (\(progress.bytes * 100 / progress.totalBytes) %)"
            }
            parts.append(read)
            parts.append(rows)
            let rate = Int64(Double(progress.bytes) / max(progress.seconds, 0.001))
            parts.append("\(ByteCount.text(rate))/s")
            if progress.totalBytes > progress.bytes, rate > 0 {
                parts.append("faltan \(ProgressLine.duration((progress.totalBytes - progress.bytes) / rate))")
            }
        } else {
            parts.append(rows)
        }
        return "\(progress.fileName): " + parts.joined(separator: " · ")
    }
}
