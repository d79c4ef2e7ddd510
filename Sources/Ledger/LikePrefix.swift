import Foundation
import GRDB

/// A `LIKE 'prefix%'` condition SQLite can answer from an index. SQLite's LIKE ignores ASCII case, so it never
/// uses an ordinary index for it and reads the whole table: with a national ledger every listing of one
/// institution's buying units (`7-%`) read all 200,000 processes. The same prefix as a range
/// (`>= '7-' AND < '7.'`) is an index search; the LIKE stays beside it so the rows are exactly the same.
struct LikePrefix {
    let prefix: String

    /// The first text after every text that starts with the prefix, when the range selects exactly what LIKE
    /// does: no letters (LIKE would also match their other case) and no wildcards; nil otherwise.
    var upperBound: String? {
        guard let last = prefix.unicodeScalars.last, last.value < 0x7F,
            prefix.unicodeScalars.allSatisfy({
                $0.isASCII && !CharacterSet.letters.contains($0) && $0 != "%" && $0 != "_" && $0 != "\\"
            })
        else { return nil }
        var scalars = Array(prefix.unicodeScalars.dropLast())
        guard let next = Unicode.Scalar(last.value + 1) else { return nil }
        scalars.append(next)
        return String(String.UnicodeScalarView(scalars))
    }

    /// `column LIKE 'prefix%'`, preceded by the range when there is one (raw SQL and its arguments).
    func sql(_ column: String) -> (sql: String, arguments: [String]) {
        guard let upperBound else { return ("\(column) LIKE ?", [prefix + "%"]) }
        return ("(\(column) >= ? AND \(column) < ? AND \(column) LIKE ?)", [prefix, upperBound, prefix + "%"])
    }
}
