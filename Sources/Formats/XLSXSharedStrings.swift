import Foundation

/// The workbook's shared-string table (`xl/sharedStrings.xml`): cells of type `s` hold an index into it.
struct XLSXSharedStrings {
    private(set) var strings: [String] = []

    /// Reads the table, joining rich-text runs and skipping phonetic hints (`rPh`).
    init(archive: SafeZipArchive, part: String?, maxBytes: Int64) throws {
        guard let part, archive.contains(part) else { return }
        let data = try archive.data(for: part, maxBytes: maxBytes)
        var strings: [String] = []
        try XMLPullReader.withReader(data, file: archive.fileName, part: part) { reader in
            var current: String?
            var inText = false
            var phoneticDepth = 0
            while let event = try reader.next() {
                switch event {
                case .start("si", _, let isEmpty):
                    if isEmpty { strings.append("") } else { current = "" }
                case .start("rPh", _, let isEmpty):
                    if !isEmpty { phoneticDepth += 1 }
                case .end("rPh"):
                    phoneticDepth -= 1
                case .start("t", _, let isEmpty):
                    inText = !isEmpty && phoneticDepth == 0
                case .end("t"):
                    inText = false
                case .text(let text) where inText:
                    current? += text
                case .end("si"):
                    strings.append(current ?? "")
                    current = nil
                default:
                    continue
                }
            }
        }
        self.strings = strings
    }

    subscript(index: Int) -> String? { strings.indices.contains(index) ? strings[index] : nil }
}
