import Foundation

/// One budget line's amounts as ``ExecutionSums`` adds them: the seven amounts and the twelve months, each with
/// whether the line reports it. Read from SQLite's row once, then given to every sum that takes the line (the
/// execution listing adds each line up by renglón and by activity at once).
///
/// Each value read is a call into SQLite, so few are made: the five amounts the schema makes NOT NULL are read
/// without asking for NULL, a nullable one is asked only when it reads as 0 (SQLite reads NULL as 0), and the
/// twelve months are read only when the row says it has some.
struct LineAmounts {
    /// The seven amounts, then the twelve months; a value not reported is left as it was.
    private(set) var values = [Int64](repeating: 0, count: 19)
    /// Bit `c` set when value `c` is reported (not NULL).
    private(set) var reported: UInt32 = 0
    /// True when the line has no monthly devengado at all.
    private(set) var withoutMonths = false

    /// Reads the row `row` is on: the seven amounts from column `amounts` on (asignado, modificado, vigente,
    /// precomprometido, comprometido, devengado, pagado), and from column `months` on whether the line has no
    /// month, then the twelve months (``ExecutionSums/monthColumns(_:)``). Reuses this value's storage.
    mutating func read(_ row: FlagRawStatement, amounts: Int32, months: Int32) {
        var reported: UInt32 = 0
        let withoutMonths = row.int64(months) != 0
        values.withUnsafeMutableBufferPointer { values in
            func read(_ value: Int, column: Int32, nullable: Bool) {
                let read = row.int64(column)
                if nullable && read == 0 && row.isNull(column) { return }
                reported |= 1 << value
                values[value] = read
            }
            for value in 0..<7 { read(value, column: amounts + Int32(value), nullable: value == 3 || value == 4) }
            if !withoutMonths {
                for month in 0..<12 { read(7 + month, column: months + 1 + Int32(month), nullable: true) }
            }
        }
        self.reported = reported
        self.withoutMonths = withoutMonths
    }
}
