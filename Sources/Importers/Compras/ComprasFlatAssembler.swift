import Domain
import Foundation
import Formats

/// Groups the rows of a flat export by NOG into procurements: process fields from the NOG's first row,
/// one award per supplier (several lines of one supplier are summed), dates read in the file's order.
struct ComprasFlatAssembler {
    let file: String
    let order: DateOrder
    let catalog: ModalityCatalog
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var rejectedLines = Set<Int>()
    private var byNOG: [String: Procurement] = [:]
    private var nogOrder: [String] = []
    private var unmatchedModalities = Set<String>()

    init(file: String, order: DateOrder, catalog: ModalityCatalog) {
        self.file = file
        self.order = order
        self.catalog = catalog
    }

    /// Adds one row that passed the row-level checks.
    mutating func add(_ row: ComprasFlatRow) {
        var dates: [ComprasColumn: Date] = [:]
        var failed = false
        for column in [ComprasColumn.publishedAt, .awardedAt, .tenderEndAt] {
            let text = row.value(column)
            guard !text.isEmpty else { continue }
            switch order.parse(text) {
            case .none: continue
            case .date(let parsed):
                guard let date = ProcurementDate.date(
                    year: parsed.year, month: parsed.month, day: parsed.day, hour: parsed.hour ?? 0,
                    minute: parsed.minute ?? 0, second: parsed.second ?? 0)
                else { fallthrough }
                dates[column] = date
            case .invalid:
                diagnostics.append(Diagnostic(
                    file: file, line: row.line, field: column.label,
                    message: "«\(text)» no es una fecha válida leída como \(order.displayName)"))
                failed = true
            }
        }
        if failed {
            rejectedLines.insert(row.line)
            return
        }
        let award = Self.award(from: row, date: dates[.awardedAt])
        guard var procurement = byNOG[row.nog] else {
            var procurement = makeProcurement(row, dates: dates)
            if let award { procurement.awards = [award] }
            byNOG[row.nog] = procurement
            nogOrder.append(row.nog)
            return
        }
        let other = makeProcurement(row, dates: dates)
        let differing = [
            ("DESCRIPCIÓN", procurement.title != other.title && !other.title.isEmpty),
            ("MODALIDAD", procurement.modalityText != other.modalityText && other.modalityText != nil),
            ("ESTATUS", procurement.status != other.status && other.status != nil),
        ].filter(\.1).map(\.0)
        if !differing.isEmpty {
            diagnostics.append(Diagnostic(
                file: file, line: row.line, field: differing.joined(separator: ", "), severity: .warning,
                message: "el NOG \(row.nog) repite con otro valor; se conserva el de su primera fila"))
        }
        if let date = dates[.awardedAt], procurement.awardedAt.map({ date < $0 }) ?? true { procurement.awardedAt = date }
        if let award {
            if let index = procurement.awards.firstIndex(where: { $0.supplier == award.supplier }) {
                // One supplier on several lines (one per item): the award is their sum.
                let existing = procurement.awards[index].amount
                procurement.awards[index].amount = existing.flatMap { old in award.amount.map { old + $0 } } ?? existing ?? award.amount
            } else {
                procurement.awards.append(award)
            }
        }
        byNOG[row.nog] = procurement
    }

    /// The procurements in order of first appearance, leaving out NOGs with a rejected line.
    func procurements(excludingNOGs rejected: Set<String>) -> [Procurement] {
        nogOrder.filter { !rejected.contains($0) }.compactMap { byNOG[$0] }
    }

    private mutating func makeProcurement(_ row: ComprasFlatRow, dates: [ComprasColumn: Date]) -> Procurement {
        let modalityText = row.value(.modality).isEmpty ? nil : row.value(.modality)
        var modalityCode: String?
        if let modalityText {
            modalityCode = catalog.modality(matching: modalityText)?.code
            if modalityCode == nil, !row.value(.subModality).isEmpty {
                modalityCode = catalog.modality(matching: row.value(.subModality))?.code
            }
            if modalityCode == nil, unmatchedModalities.insert(modalityText).inserted {
                diagnostics.append(Diagnostic(
                    file: file, line: row.line, field: ComprasColumn.modality.label, severity: .warning,
                    message: "la modalidad «\(modalityText)» no está en el catálogo; se guarda el texto sin código"))
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
