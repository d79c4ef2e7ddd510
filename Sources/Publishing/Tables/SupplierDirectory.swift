import Domain
import Foundation

/// `proveedores`: the companies awarded in the processes that stream by, one entry per supplier id, with how
/// many processes and awards they got and for how much.
///
/// Natural persons are left out (LAIP Art. 9 and 22: a company's NIT and name are public, a person's are not);
/// their awards are in `adjudicaciones`, where the privacy guard decides. Suppliers known by no identifier (a
/// flat export's country word) cannot be told apart and are left out too; both are counted in the notes.
struct SupplierDirectory {
    fileprivate struct Entry {
        var supplier: Supplier
        var nameDate: Date?
        var processes = 0
        var lastNOG = ""
        var awards = 0
        var amount = Money.zero
        var withoutAmount = 0
        var first: Date?
        var last: Date?
    }

    /// Entries apart from the index by supplier id: a dictionary of whole entries, resized as a national year's
    /// 180,000 suppliers arrived, held them twice at its last growth.
    private var entries = ChunkedArray<Entry>()
    private var positions: [String: Int] = [:]
    private var persons = Set<String>()
    private var withoutIdentifier = 0

    /// Adds a process's awards.
    mutating func add(_ procurement: Procurement) throws {
        for award in procurement.awards {
            let supplier = award.supplier
            guard supplier.hasIdentifier else {
                withoutIdentifier += 1
                continue
            }
            if supplier.isNaturalPerson {
                persons.insert(supplier.partyID)
                continue
            }
            let date = award.date ?? procurement.awardedAt
            let id = supplier.partyID
            let position: Int
            if let known = positions[id] {
                position = known
            } else {
                position = entries.count
                entries.append(Entry(supplier: supplier, nameDate: date))
                positions[id] = position
            }
            var entry = entries[position]
            if entry.lastNOG != procurement.nog {
                entry.processes += 1
                entry.lastNOG = procurement.nog
            }
            entry.awards += 1
            if award.isActive {
                if let amount = award.amount { try entry.amount += amount } else { entry.withoutAmount += 1 }
            }
            if let date {
                entry.first = min(entry.first ?? date, date)
                entry.last = max(entry.last ?? date, date)
                if entry.nameDate.map({ date >= $0 }) ?? true, !supplier.name.isEmpty {
                    entry.supplier = supplier
                    entry.nameDate = date
                }
            }
            entries[position] = entry
        }
    }

    /// The rows, by supplier id, each starting with the given provenance cells, handed over one at a time: a
    /// national year has 180,000 suppliers, and their rows (or a sorted copy of the entries) beside the entries
    /// doubled what the table held.
    func forEachRow(provenance: [Cell], _ body: (Row) throws -> Void) rethrows {
        for id in positions.keys.sorted() {
            guard let entry = positions[id].map({ entries[$0] }) else { continue }
            try body(Row(provenance: provenance, id: id, entry: entry))
        }
    }

    /// A `proveedores` row.
    struct Row: TableRow {
        let provenance: [Cell]
        let id: String
        fileprivate let entry: Entry

        func fill<Fields: RowFields>(_ fields: inout Fields) {
            for cell in provenance { fields.cell(cell) }
            fields.text(id)
            fields.optionalText(entry.supplier.scheme?.rawValue)
            fields.text(entry.supplier.identifier)
            fields.text(entry.supplier.displayName)
            fields.integer(Int64(entry.processes))
            fields.integer(Int64(entry.awards))
            fields.money(entry.amount.centavos)
            fields.integer(Int64(entry.withoutAmount))
            ProcurementRows.day(entry.first, into: &fields)
            ProcurementRows.day(entry.last, into: &fields)
        }
    }

    /// What the table leaves out, for the reader.
    var notes: [String] {
        var notes: [String] = []
        if !persons.isEmpty {
            notes.append(
                "proveedores: se omitieron \(persons.count) proveedor(es) que son personas individuales (LAIP, Art. 9 "
                    + "y 22); sus adjudicaciones están en adjudicaciones si el perfil permite publicarlas")
        }
        if withoutIdentifier > 0 {
            notes.append(
                "proveedores: se omitieron \(withoutIdentifier) adjudicación(es) de proveedores sin NIT ni identificador"
            )
        }
        return notes
    }
}
