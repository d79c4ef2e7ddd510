import Foundation

/// Help text as the parser should wrap it: the lines of a paragraph are joined, so the parser wraps the paragraph
/// at the terminal's width instead of breaking each source line again; indented lines (examples) stay as written.
enum HelpText {
    static func reflow(_ text: String) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { out.append(paragraph.joined(separator: " ")) }
            paragraph = []
        }
        for line in text.components(separatedBy: "\n") {
            if line.isEmpty || line.hasPrefix(" ") || line.hasSuffix(":") {
                flush()
                out.append(line)
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return out.joined(separator: "\n")
    }
}
