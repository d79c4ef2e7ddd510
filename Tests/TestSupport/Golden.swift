import Foundation

/// Golden files: reviewed expected outputs kept in `Tests/<Target>/Golden/`.
///
/// Run the tests with `TRANSPARENCIA_RECORD_GOLDEN=1` to rewrite them from the current output, then
/// review the diff like code before committing.
public enum Golden {
    /// The golden file's text, after recording `actual` into it when recording is on.
    public static func text(_ name: String, actual: String, file: StaticString = #filePath) throws -> String {
        let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["TRANSPARENCIA_RECORD_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
