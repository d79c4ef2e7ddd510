import Domain
import Foundation

/// One typed value of a published table. Types decide how each format writes it: money as `1234.56` in
/// CSV/JSON and `Q1,234.56` on screen; codes as text so leading zeros survive.
public enum Cell: Sendable, Hashable {
    case text(String)
    /// Text that names or identifies a natural person (a supplier who is an individual): written like text,
    /// but the privacy guard refuses it unless the institution allowed its column (LAIP Art. 9 and 22).
    case person(String)
    case integer(Int64)
    case decimal(Decimal)
    case money(Money)
    /// A percentage, always shown and written with two decimals (`84.80`).
    case percent(Decimal)
    case empty

    /// How the cell reads on a terminal.
    var display: String {
        switch self {
        case .text(let text), .person(let text): text
        case .integer(let value):
            value < 0 ? "-" + DigitGrouping.grouped(value.magnitude) : DigitGrouping.grouped(value.magnitude)
        case .decimal(let value): DigitGrouping.grouped(value)
        case .money(let money): money.formatted
        case .percent(let value): value.fixed(decimals: 2)
        case .empty: ""
        }
    }

    /// How the cell is written in open data: no grouping, decimal point.
    public var plain: String {
        switch self {
        case .text(let text), .person(let text): text
        case .integer(let value): String(value)
        case .decimal(let value): "\(value)"
        case .money(let money): money.plainText
        case .percent(let value): value.fixed(decimals: 2)
        case .empty: ""
        }
    }

    /// The text of a text-like cell (text or person), nil for numbers and empty cells.
    var text: String? {
        switch self {
        case .text(let text), .person(let text): text
        default: nil
        }
    }

    var isNumeric: Bool {
        switch self {
        case .integer, .decimal, .money, .percent: true
        case .text, .person, .empty: false
        }
    }
}
