import Domain
import Formats
import Foundation

/// Assembles the rows of one NOG into a procurement: process fields from the NOG's first row, one award per
/// supplier (several lines of one supplier are summed), dates read in the file's order.
///
/// It sees one NOG at a time (the caller groups the rows, see ``ComprasRowStage``) and keeps only what spans
/// NOGs: the diagnostics and the modalities missing from the catalog.
struct ComprasFlatAssembler {
    let file: String
    let order: DateOrder
    let catalog: ModalityCatalog
    /// Date errors and repeated-NOG warnings, in the order found.
    private var found: [Diagnostic] = []
    /// Modality text missing from the catalog → the first line it appeared on (warned once, at that line).
    private var unmatchedModalities: [String: Int] = [:]
    /// The NOG being assembled and the lines of it rejected so far.
    private var current: Procurement?
    private var currentRejected: [Int] = []

    init(file: String, order: DateOrder, catalog: ModalityCatalog) {
        self.file = file
        self.order = order
        self.catalog = catalog
    }

    /// Assembles one NOG from its rows (in line order).
    /// - Returns: the procurement (nil when no row was usable) and the lines rejected for invalid dates.
    mutating func assemble(_ rows: [ComprasFlatRow]) -> (procurement: Procurement?, rejectedLines: [Int]) {
        current = nil
        currentRejected = []
        for row in rows { add(row) }
        let assembled = (current, currentRejected)
        current = nil
        return assembled
    }

    /// Every diagnostic in line order, as if the rows had been read top to bottom (the order of NOGs does not
    /// change it); on one line a modality warning comes before a repeated-NOG warning.
    var diagnostics: [Diagnostic] {
        let modalities = unmatchedModalities.map { text, line in
            Diagnostic(
                file: file, line: line, field: ComprasColumn.modality.label, severity: .warning,
                message: "la modalidad «\(text)» no está en el catálogo; se guarda el texto sin código")
        }
        return (modalities + found).enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }

    /// Adds one row that passed the row-level checks to the NOG being assembled.
    private mutating func add(_ row: ComprasFlatRow) {
        var dates: [ComprasColumn: Date] = [:]
        var failed = false
        for column in [ComprasColumn.publishedAt, .awardedAt, .tenderEndAt] {
            let text = row.value(column)
            guard !text.isEmpty else { continue }
            switch order.parse(text) {
            case .none: continue
            case .date(let parsed):
                guard
                    let date = ProcurementDate.date(
                        year: parsed.year, month: parsed.month, day: parsed.day, hour: parsed.hour ?? 0,
                        minute: parsed.minute ?? 0, second: parsed.second ?? 0)
                else { fallthrough }
                dates[column] = date
            case .invalid:
                found.append(
                    Diagnostic(
                        file: file, line: row.line, field: column.label,
                        message: "«\(text)» no es una fecha válida leída como \(order.displayName)"))
                failed = true
            }
        }
        if failed {
            currentRejected.append(row.line)
            return
        }
        let award = Self.award(from: row, date: dates[.awardedAt])
        guard var procurement = current else {
            var procurement = makeProcurement(row, dates: dates)
            if let award { procurement.awards = [award] }
            current = procurement
            return
        }
        let other = makeProcurement(row, dates: dates)
        let differing = [
            ("DESCRIPCIÓN", procurement.title != other.title && !other.title.isEmpty),
            ("MODALIDAD", procurement.modalityText != other.modalityText && other.modalityText != nil),
            ("ESTATUS", procurement.status != other.status && other.status != nil),
        ].filter(\.1).map(\.0)
        if !differing.isEmpty {
            found.append(
                Diagnostic(
                    file: file, line: row.line, field: differing.joined(separator: ", "), severity: .warning,
                    message: "el NOG \(row.nog) repite con otro valor; se conserva el de su primera fila"))
        }
        if let date = dates[.awardedAt], procurement.awardedAt.map({ date < $0 }) ?? true {
            procurement.awardedAt = date
        }
        if let award {
            if let index = procurement.awards.firstIndex(where: { $0.supplier == award.supplier }) {
                // One supplier on several lines (one per item): the award is their sum.
                let existing = procurement.awards[index].amount
                do {
                    if let old = existing, let more = award.amount {
                        procurement.awards[index].amount = try old + more
                    } else {
                        procurement.awards[index].amount = existing ?? award.amount
                    }
                } catch {
                    found.append(
                        Diagnostic(
                            file: file, line: row.line, field: ComprasColumn.amount.label,
                            message: "las líneas del proveedor en el NOG \(row.nog) suman más de lo representable: "
                                + (error.errorDescription ?? "desbordamiento")))
                    currentRejected.append(row.line)
                    return
                }
            } else {
                procurement.awards.append(award)
            }
        }
        current = procurement
    }

    private mutating func makeProcurement(_ row: ComprasFlatRow, dates: [ComprasColumn: Date]) -> Procurement {
        let modalityText = row.value(.modality).isEmpty ? nil : row.value(.modality)
        var modalityCode: String?
        if let modalityText {
            modalityCode = catalog.modality(matching: modalityText)?.code
            if modalityCode == nil, !row.value(.subModality).isEmpty {
                modalityCode = catalog.modality(matching: row.value(.subModality))?.code
            }
            if modalityCode == nil {
                unmatchedModalities[modalityText] = min(unmatchedModalities[modalityText] ?? row.line, row.line)
            }
        }
        func optional(_ column: ComprasColumn) -> String? {
            let value = row.value(column)
            return value.isEmpty ? nil : value
        }
        return Procurement(
            nog: row.nog, title: row.value(.title), buyerEntityName: optional(.entity), buyingUnitName: optional(.unit),
            modalityCode: modalityCode, modalityText: modalityText, status: optional(.status),
            publishedAt: dates[.publishedAt], tenderEndAt: dates[.tenderEndAt], awardedAt: dates[.awardedAt])
    }

    /// The row's award, when it names a supplier.
    private static func award(from row: ComprasFlatRow, date: Date?) -> Award? {
        let name = row.value(.supplierName)
        guard !row.value(.nit).isEmpty || !name.isEmpty else { return nil }
        return Award(supplier: ComprasSupplier.make(nit: row.value(.nit), name: name), amount: row.amount, date: date)
    }
}
