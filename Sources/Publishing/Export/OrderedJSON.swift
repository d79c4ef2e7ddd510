import Foundation

/// A JSON value whose object keys keep the order they were given in, for documents people read and tests
/// compare byte for byte (datapackage.json, OCDS packages). Numbers are kept as their exact literal text.
public enum OrderedJSON: Sendable {
    case null
    case bool(Bool)
    /// A number's literal text (`2394900.00`, `2022`): never passed through floating point.
    case number(String)
    case string(String)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    /// An integer.
    public static func integer<T: BinaryInteger>(_ value: T) -> OrderedJSON { .number(String(value)) }

    /// A string, or null when nil.
    public static func optional(_ value: String?) -> OrderedJSON { value.map(OrderedJSON.string) ?? .null }

    /// An object without the members whose value is null or an empty array/object.
    public static func compact(_ members: [(String, OrderedJSON)]) -> OrderedJSON {
        .object(members.filter { !$0.1.isEmptyValue })
    }

    private var isEmptyValue: Bool {
        switch self {
        case .null: true
        case .array(let items): items.isEmpty
        case .object(let members): members.isEmpty
        default: false
        }
    }

    /// The text, indented by `indent` spaces per level (0: all on one line).
    public func rendered(indent: Int = 2) -> String {
        var out: [UInt8] = []
        render(into: &out, indent: indent, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    func render(into out: inout [UInt8], indent: Int, level: Int) {
        func newline(_ level: Int) {
            guard indent > 0 else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: indent * level))
        }
        switch self {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .bool(let value): out.append(contentsOf: Array((value ? "true" : "false").utf8))
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): JSONRowEncoder.string(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { return out.append(contentsOf: [0x5B, 0x5D]) }
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(contentsOf: indent > 0 ? [0x2C] : [0x2C, 0x20]) }
                newline(level + 1)
                item.render(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else { return out.append(contentsOf: [0x7B, 0x7D]) }
            out.append(0x7B)
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(contentsOf: indent > 0 ? [0x2C] : [0x2C, 0x20]) }
                newline(level + 1)
                JSONRowEncoder.string(member.0, into: &out)
                out.append(contentsOf: [0x3A, 0x20])
                member.1.render(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(0x7D)
        }
    }
}
