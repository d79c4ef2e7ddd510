import Foundation

/// Which cell styles (`s` attribute) format numbers as dates, read from `xl/styles.xml`.
///
/// Excel stores dates as serial numbers; only the number format tells a date from an amount.
struct XLSXStyles {
    private var dateStyles: Set<Int> = []

    /// Built-in number formats that show dates or times (ECMA-376 §18.8.30).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    init(archive: SafeZipArchive, part: String?, maxBytes: Int64) throws {
        guard let part, archive.contains(part) else { return }
        var customDateFormats: Set<Int> = []
        var cellFormats: [Int] = []
        try XMLPullReader.withReader(
            try archive.data(for: part, maxBytes: maxBytes), file: archive.fileName, part: part
        ) {
            reader in
            var inCellXfs = false
            while let event = try reader.next() {
                switch event {
                case .start("numFmt", let attributes, _):
                    if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                        Self.isDateFormat(code)
                    {
                        customDateFormats.insert(id)
                    }
                case .start("cellXfs", _, let isEmpty): inCellXfs = !isEmpty
                case .end("cellXfs"): inCellXfs = false
                case .start("xf", let attributes, _) where inCellXfs:
                    cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
                default: continue
                }
            }
        }
        for (index, format) in cellFormats.enumerated()
        where Self.builtInDateFormats.contains(format) || customDateFormats.contains(format) {
            dateStyles.insert(index)
        }
    }

    /// True when cells of style `index` display dates.
    func isDate(style index: Int) -> Bool { dateStyles.contains(index) }

    /// True for a format code with day, month or year tokens outside quotes, brackets and escapes.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "d", "m", "y": if !inQuotes && !inBrackets { return true }
            default: continue
            }
        }
        return false
    }
}
