import Foundation

/// Decides the field separator of delimited text (`,`, `;` or tab) from the first records of a file.
///
/// Counting separators on one line fails on real files: SICOIN reports start with title lines that hold
/// no separator, and a `;` file whose amounts are written `12,108,736.85` holds more commas than
/// semicolons on every data row. What does not fail is the shape of a table: with the right separator the
/// header and the data rows split into the same number of fields. So each candidate splits the sample
/// into records (quotes respected, so a quoted `;` or line break is not a separator), and the candidate
/// whose most common field count (of two fields or more) is shared by the most records wins. Title rows
/// have one field, or a count of their own, and do not count.
public enum DelimiterSniffer {
    /// The separators tried, in the order that breaks ties (a tie at equal counts is rare).
    public static let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")]

    /// How a candidate splits a sample.
    struct Score: Comparable {
        /// Records that share the most common field count.
        var consistentRecords: Int
        /// That field count.
        var fields: Int

        static func < (lhs: Score, rhs: Score) -> Bool {
            (lhs.consistentRecords, lhs.fields) < (rhs.consistentRecords, rhs.fields)
        }
    }

    /// The separator of a sample of the file's first bytes, or nil when no candidate splits any record.
    /// - Parameters:
    ///   - sample: the file's first bytes (any ASCII-compatible encoding); a record cut at the end is ignored.
    ///   - commentPrefix: lines starting with this byte before the first record are skipped (`#`).
    ///   - maxRecords: records looked at.
    ///   - complete: true when the sample is the whole file, so its last record is not cut short.
    public static func sniff<Bytes: Collection<UInt8>>(
        _ sample: Bytes, commentPrefix: UInt8? = nil, maxRecords: Int = 200, complete: Bool = false
    ) -> UInt8? {
        var best: (delimiter: UInt8, score: Score)?
        for delimiter in candidates {
            let score = self.score(
                sample, delimiter: delimiter, commentPrefix: commentPrefix, maxRecords: maxRecords,
                complete: complete)
            guard score.consistentRecords > 0 else { continue }
            if best == nil || best.map({ score > $0.score }) == true { best = (delimiter, score) }
        }
        return best?.delimiter
    }

    /// Splits the sample with one separator and counts fields per record.
    static func score<Bytes: Collection<UInt8>>(
        _ sample: Bytes, delimiter: UInt8, commentPrefix: UInt8?, maxRecords: Int, complete: Bool
    ) -> Score {
        var counts: [Int: Int] = [:]
        var records = 0
        var fields = 1
        var quoted = false
        var fieldStarted = false
        var lineStart = true
        var skippingComment = false
        var sawContent = false
        var justClosed = false
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        func endRecord() {
            if sawContent && fields > 1 { counts[fields, default: 0] += 1 }
            if sawContent { records += 1 }
            fields = 1
            fieldStarted = false
            sawContent = false
            lineStart = true
        }
        for byte in sample {
            if records >= maxRecords { break }
            if lineStart {
                lineStart = false
                skippingComment = records == 0 && commentPrefix != nil && byte == commentPrefix
            }
            if skippingComment {
                if byte == newline { lineStart = true }
                continue
            }
            if quoted {
                if byte == quote {
                    quoted = false
                    justClosed = true
                }
                continue
            }
            // A doubled quote inside a quoted field closes it and opens it again at once.
            let reopens = justClosed && byte == quote
            justClosed = false
            switch byte {
            case quote:
                if !fieldStarted || reopens { quoted = true }
                fieldStarted = true
                sawContent = true
            case delimiter:
                fields += 1
                fieldStarted = false
                sawContent = true
            case newline:
                endRecord()
            case carriageReturn:
                break
            default:
                if byte != UInt8(ascii: " ") { sawContent = true }
                // Whether a quote opens a quoted field must not depend on the candidate being tried: after any
                // candidate separator a quote opens one, or a `,` file whose every field is quoted and holds
                // `"a;b"` would be read, under `;`, as fields cut at that quoted semicolon.
                fieldStarted = !candidates.contains(byte)
            }
        }
        // The last record counts only when the sample is the whole file (otherwise it may be cut short).
        if complete && !quoted { endRecord() }
        guard let mode = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else {
            return Score(consistentRecords: 0, fields: 0)
        }
        return Score(consistentRecords: mode.value, fields: mode.key)
    }
}
