import Formats
import Foundation

/// Writes a table as an open-data pair `<name>.csv` and `<name>.json` into a folder.
public enum DatasetWriter {
    /// Writes both files atomically and returns their URLs.
    @discardableResult
    public static func write(_ table: DataTable, to directory: URL) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw PublishingError.unwritable(path: directory.path, cause: SystemErrorText.describe(error))
        }
        let outputs = [
            (directory.appendingPathComponent("\(table.name).csv"), CSVTableWriter.render(table)),
            (directory.appendingPathComponent("\(table.name).json"), JSONTableWriter.render(table)),
        ]
        for (url, text) in outputs {
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw PublishingError.unwritable(path: url.path, cause: SystemErrorText.describe(error))
            }
        }
        return outputs.map(\.0)
    }
}
