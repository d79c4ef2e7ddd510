import Domain
import Foundation

/// Decides a file's number style once, from a sample of its amount cells.
///
/// `1,234.56` votes for decimal point and `1.234,56` for decimal comma; `1,234` (three digits after the
/// only separator) is ambiguous and does not vote. Without votes the style is es-GT's decimal point.
enum NumberStyleSniffer {
    static func sniff<S: Sequence>(_ cells: S) -> NumberStyle where S.Element == String {
        var point = 0
        var comma = 0
        for cell in cells {
            let text = cell.trimmingCharacters(in: .whitespaces)
            guard let last = text.lastIndex(where: { $0 == "." || $0 == "," }) else { continue }
            let decimals = text.distance(from: text.index(after: last), to: text.endIndex)
            guard (1...2).contains(decimals) else { continue }
            if text[last] == "." { point += 1 } else { comma += 1 }
        }
        return comma > point ? .decimalComma : .decimalPoint
    }
}
