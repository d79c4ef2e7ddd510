import Foundation

/// The text of the progress line, kept pure so it can be tested.
public enum ProgressLine {
    /// `descargando 12.3 MB de 35.0 MB (35 %) · 2.1 MB/s · faltan 0:11`.
    public static func render(active: Int, done: Int64, total: Int64?, bytesPerSecond: Int64) -> String {
        var parts: [String] = []
        let prefix = active > 1 ? "\(active) descargas: " : "descargando "
        if let total, total > 0 {
            parts.append("\(prefix)\(ByteCount.text(done)) de \(ByteCount.text(total)) (\(done * 100 / total) %)")
        } else {
            parts.append("\(prefix)\(ByteCount.text(done))")
        }
        parts.append("\(ByteCount.text(bytesPerSecond))/s")
        if let total, total > done, bytesPerSecond > 0 {
            parts.append("faltan \(duration((total - done) / bytesPerSecond))")
        }
        return parts.joined(separator: " · ")
    }

    /// `0:07`, `12:30`, `1:02:03`.
    public static func duration(_ seconds: Int64) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, rest = seconds % 60
        let secondsText = rest < 10 ? "0\(rest)" : "\(rest)"
        if hours > 0 {
            let minutesText = minutes < 10 ? "0\(minutes)" : "\(minutes)"
            return "\(hours):\(minutesText):\(secondsText)"
        }
        return "\(minutes):\(secondsText)"
    }
}
