import Domain
import Foundation

/// A parameter's value, from a default or the settings file.
enum ParameterValue: Hashable, Sendable {
    case integer(Int)
    /// An exact decimal (shares, tolerances, similarity): never a binary float, so the hash is stable.
    case decimal(Decimal)
    case text(String)
    case bool(Bool)
    case list([String])
    case money(Money)
    /// A split-purchase window: a number of days (0 = same day) or a calendar bucket.
    case window(SplitWindow)
    /// Named whole numbers (minimum offer days per modality).
    case table([String: Int])
    /// "Not set": the value comes from the modality catalog at each purchase's date.
    case catalog

    /// The value in settings-file syntax, for the canonical parameters text and the help.
    var settingsText: String {
        switch self {
        case .integer(let value): String(value)
        case .decimal(let value): "\(value)"
        case .text(let value): "\"\(value)\""
        case .bool(let value): value ? "true" : "false"
        case .list(let values): "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .money(let money): "\"\(money.plainText)\""
        case .window(let window): window.settingsText
        case .table(let table):
            "{ " + table.keys.sorted().map { "\($0) = \(table[$0] ?? 0)" }.joined(separator: ", ") + " }"
        case .catalog: "\"catalogo\""
        }
    }
}
