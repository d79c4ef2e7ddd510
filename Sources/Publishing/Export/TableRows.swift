/// A table's rows on their way into a sink: written field by field into its files when the sink takes fields
/// (``FieldTableSink``, an export without `--since`), else built as cells (a report, the changelog, the portal's
/// tables), from one description of each row (``TableRow``).
struct TableRows {
    private let sink: any TableSink
    private let fields: (sink: any FieldTableSink, rows: FieldRowWriter)?
    private let width: Int

    /// Begins the table in `sink`; with `fields` false, as cells whatever the sink takes.
    init(_ heading: TableHeading, into sink: any TableSink, fields byFields: Bool = true) throws {
        self.sink = sink
        width = heading.columns.count
        if byFields, let fieldSink = sink as? any FieldTableSink, let rows = try fieldSink.beginFields(heading) {
            fields = (fieldSink, rows)
        } else {
            fields = nil
            try sink.begin(heading)
        }
    }

    /// The files' writer when the rows go field by field, for a table that writes them its own way.
    var fieldRows: FieldRowWriter? { fields?.rows }

    func write(_ row: some TableRow) throws {
        if let fields {
            try fields.rows.writeRow { try row.fill(&$0) }
        } else {
            try sink.write(try CellRow.cells(of: row, capacity: width))
        }
    }

    /// A row given as cells (written through the files' rows when they take fields).
    func write(cells: [Cell]) throws {
        if let fields { try fields.rows.write(cells) } else { try sink.write(cells) }
    }

    /// Ends the table after its last row.
    func finish(_ footing: TableFooting) throws {
        if let fields { try fields.sink.finishFields(fields.rows, footing) } else { try sink.finish(footing) }
    }

    /// Runs `body`, which writes the rows; when it throws, the table's files stop before the error goes on.
    func writing(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            // The file writer's own error, if it had one, came first.
            try fields?.rows.abandon()
            throw error
        }
    }
}
