import Foundation

/// Finds where things are in a TOML text, for diagnostics: TOMLKit parses values but does not say on which line
/// they were written, so the lines of `[[regla]]` headers and of keys are found in the text itself.
struct TOMLLineLocator {
    private let lines: [Substring]
    /// 1-based lines of each `[[name]]` header, in order.
    private let headers: [Int]
    private let tableName: String

    init(text: String, arrayOfTables name: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.lines = lines
        tableName = name
        headers = lines.indices.compactMap { index in
            Self.header(lines[index]) == "[[\(name)]]" ? index + 1 : nil
        }
    }

    /// The line of the `position`-th (0-based) `[[name]]` header, or nil.
    func line(ofTable position: Int) -> Int? {
        position < headers.count ? headers[position] : nil
    }

    /// The line where `key = …` is written inside the `position`-th table (else the table's header line).
    func line(ofKey key: String, inTable position: Int) -> Int? {
        guard let start = line(ofTable: position) else { return nil }
        var index = start  // the line after the header, 0-based
        while index < lines.count {
            let text = lines[index].trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("[") { break }
            if let equals = text.firstIndex(of: "=") {
                let name = text[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\"'"))
                if name == key { return index + 1 }
            }
            index += 1
        }
        return start
    }

    /// The line where a top-level `key = …` is written (before the first table), or nil.
    func line(ofTopLevelKey key: String) -> Int? {
        for (index, line) in lines.enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("[") { return nil }
            if let equals = text.firstIndex(of: "="), text[..<equals].trimmingCharacters(in: .whitespaces) == key {
                return index + 1
            }
        }
        return nil
    }

    private static func header(_ line: Substring) -> String {
        var text = line.trimmingCharacters(in: .whitespaces)
        if let comment = text.firstIndex(of: "#") {
            text = String(text[..<comment]).trimmingCharacters(in: .whitespaces)
        }
        return text.replacingOccurrences(of: " ", with: "")
    }
}
