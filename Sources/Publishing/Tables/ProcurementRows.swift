import Domain
import Foundation
import Ledger

/// The rows of `compras` (one per process) and `adjudicaciones` (one per award) for a stored process.
///
/// Only what Guatecompras publishes about the process and its awarded suppliers goes out; bidders (who may be
/// natural persons) and contact details stay in the ledger. A supplier who is a natural person is marked
/// (``Cell/person(_:)``) so the privacy guard decides whether it may be published.
enum ProcurementRows {
    /// The provenance and process cells both tables share.
    private static func provenance(_ procurement: Procurement) -> [Cell] {
        let date = procurement.publishedAt ?? procurement.awardedAt
        return [
            Provenance.integer(procurement.year), Provenance.integer(date.map { ProcurementDate.civil($0).month }),
            Provenance.text(procurement.buyerEntityCode),
        ]
    }

    private static func processCells(_ procurement: Procurement, awardDate: Date?) -> [Cell] {
        [
            Provenance.text(procurement.ocid),
            Provenance.integer(ProcurementNumeral.numeral(modalityCode: procurement.modalityCode)),
            day(procurement.publishedAt), day(awardDate), Provenance.text(procurement.buyerEntityName),
            Provenance.text(procurement.buyingUnitCode), Provenance.text(procurement.buyingUnitName),
            Provenance.text(procurement.modalityCode), Provenance.text(modalityName(procurement)),
            Provenance.text(procurement.status),
        ]
    }

    /// The catalog's name of the modality (what a flat export writes), or the source's text when it did not match.
    static func modalityName(_ procurement: Procurement) -> String? {
        procurement.modalityCode.flatMap { ModalityCatalog.bundled.modality(code: $0)?.name }
            ?? procurement.modalityText
    }

    /// The `compras` row of a process as the ledger lists it (its awards, contracts and evidence added up).
    static func compras(_ row: ProcurementListingRow) -> [Cell] {
        let procurement = row.procurement
        var days: Cell = .empty
        if let start = row.contractStart, let end = row.contractEnd {
            let first = ProcurementDate.civil(start)
            let last = ProcurementDate.civil(end)
            let count =
                CivilDay.days(year: last.year, month: last.month, day: last.day)
                - CivilDay.days(year: first.year, month: first.month, day: first.day) + 1
            if count > 0 { days = .integer(Int64(count)) }
        }
        return provenance(procurement) + [.text(procurement.nog)]
            + processCells(procurement, awardDate: procurement.awardedAt) + [
                Provenance.text(procurement.ocdsStatus), Provenance.text(procurement.category),
                .text(procurement.title), .integer(Int64(row.awards)), row.awardedTotal.map(Cell.money) ?? .empty,
                row.contractNumbers.isEmpty ? .empty : .text(row.contractNumbers.joined(separator: "; ")),
                day(row.contractSigned), day(row.contractStart), day(row.contractEnd), days,
                row.contractedTotal.map(Cell.money) ?? .empty,
                row.renglones.isEmpty ? .empty : .text(row.renglones.joined(separator: "; ")),
            ]
    }

    /// The `adjudicaciones` rows of a process, one per award, numbered from 1.
    static func adjudicaciones(_ procurement: Procurement) -> [[Cell]] {
        procurement.awards.enumerated().map { index, award in
            let supplier = award.supplier
            let person = supplier.isNaturalPerson
            func guarded(_ text: String?) -> Cell {
                guard let text, !text.isEmpty else { return .empty }
                return person ? .person(text) : .text(text)
            }
            return provenance(procurement) + [.text(procurement.nog), .integer(Int64(index + 1))]
                + processCells(procurement, awardDate: award.date ?? procurement.awardedAt) + [
                    .text(procurement.title), guarded(award.id), Provenance.text(supplier.scheme?.rawValue),
                    guarded(supplier.identifier), guarded(supplier.displayName), award.amount.map(Cell.money) ?? .empty,
                    Provenance.text(award.status), Provenance.text(award.statusDetails),
                ]
        }
    }

    static func day(_ date: Date?) -> Cell { date.map { .text(ProcurementDate.dayString($0)) } ?? .empty }
}
