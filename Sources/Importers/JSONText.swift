import Foundation

/// A JSON scalar kept as its text, so numbers are never rounded through floating point and the
/// validators see `"12"` and `12` alike.
struct JSONText: Decodable, Sendable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = ""
        } else if let string = try? container.decode(String.self) {
            text = string
        } else if let bool = try? container.decode(Bool.self) {
            text = bool ? "true" : "false"
        } else {
            // Decimal is decoded from the number's digits, not through Double.
            text = "\(try container.decode(Decimal.self))"
        }
    }
}
