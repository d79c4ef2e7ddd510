import Formats
import Foundation

/// Small JSON metadata files, always written through a temporary file and an atomic rename.
enum JSONFile {
    static func read<Value: Decodable>(_ url: URL) -> Value? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Value.self, from: data)
    }

    static func write(_ value: some Encodable, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            // `.atomic` writes a sibling temporary file and renames it over the target.
            try encoder.encode(value).write(to: url, options: .atomic)
        } catch {
            throw FetchError.fileSystem(path: url.path, message: SystemErrorText.describe(error))
        }
    }
}
