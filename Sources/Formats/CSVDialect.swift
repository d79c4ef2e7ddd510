import Foundation

/// How a delimited text file is written: its encoding and its field separator.
public struct CSVDialect: Hashable, Sendable {
    public var encoding: TextEncoding
    /// `,`, `;` or tab.
    public var delimiter: UInt8

    public init(encoding: TextEncoding, delimiter: UInt8) {
        self.encoding = encoding
        self.delimiter = delimiter
    }

    /// The separator as users call it.
    public var delimiterName: String {
        switch delimiter {
        case UInt8(ascii: ","): "coma"
        case UInt8(ascii: ";"): "punto y coma"
        case UInt8(ascii: "\t"): "tabulador"
        default: String(UnicodeScalar(delimiter))
        }
    }
}
