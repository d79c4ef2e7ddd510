/// One row of a table, described once for both ways ``TableRows`` writes it: field by field into the files, or
/// as cells.
protocol TableRow {
    func fill<Fields: RowFields>(_ fields: inout Fields) throws
}
