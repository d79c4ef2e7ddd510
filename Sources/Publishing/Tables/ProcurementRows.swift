import Domain
import Foundation
import Ledger

/// The rows of `compras` (one per process) and `adjudicaciones` (one per award) for a stored process.
///
/// Only what Guatecompras publishes about the process and its awarded suppliers goes out; bidders (who may be
/// natural persons) and contact details stay in the ledger. A supplier who is a natural person is marked
/// (``Cell/person(_:)``) so the privacy guard decides whether it may be published.
enum ProcurementRows {
    /// The `compras` row of a process as the ledger lists it (its awards, contracts and evidence added up).
    struct Process: TableRow {
        let listing: ProcurementListingRow

        func fill<Fields: RowFields>(_ fields: inout Fields) {
            let procurement = listing.procurement
            provenance(procurement, into: &fields)
            fields.text(procurement.nog)
            process(procurement, awardDate: procurement.awardedAt, into: &fields)
            fields.optionalText(procurement.ocdsStatus)
            fields.optionalText(procurement.category)
            fields.text(procurement.title)
            fields.integer(Int64(listing.awards))
            fields.optionalMoney(listing.awardedTotal)
            joined(listing.contractNumbers, into: &fields)
            day(listing.contractSigned, into: &fields)
            day(listing.contractStart, into: &fields)
            day(listing.contractEnd, into: &fields)
            if let start = listing.contractStart, let end = listing.contractEnd {
                let first = ProcurementDate.civil(start)
                let last = ProcurementDate.civil(end)
                let count =
                    CivilDay.days(year: last.year, month: last.month, day: last.day)
                    - CivilDay.days(year: first.year, month: first.month, day: first.day) + 1
                if count > 0 { fields.integer(Int64(count)) } else { fields.empty() }
            } else {
                fields.empty()
            }
            fields.optionalMoney(listing.contractedTotal)
            joined(listing.renglones, into: &fields)
        }
    }

    /// An `adjudicaciones` row: one award of a process, numbered from 1.
    struct Award: TableRow {
        let procurement: Procurement
        let number: Int
        let award: Domain.Award

        func fill<Fields: RowFields>(_ fields: inout Fields) {
            let supplier = award.supplier
            let person = supplier.isNaturalPerson
            func guarded(_ text: String?) {
                guard let text, !text.isEmpty else { return fields.empty() }
                if person { fields.cell(.person(text)) } else { fields.text(text) }
            }
            provenance(procurement, into: &fields)
            fields.text(procurement.nog)
            fields.integer(Int64(number))
            process(procurement, awardDate: award.date ?? procurement.awardedAt, into: &fields)
            fields.text(procurement.title)
            guarded(award.id)
            fields.optionalText(supplier.scheme?.rawValue)
            guarded(supplier.identifier)
            guarded(supplier.displayName)
            fields.optionalMoney(award.amount)
            fields.optionalText(award.status)
            fields.optionalText(award.statusDetails)
        }
    }

    /// The `adjudicaciones` rows of a process, one per award.
    static func awards(_ procurement: Procurement) -> some Sequence<Award> {
        procurement.awards.enumerated().lazy.map { Award(procurement: procurement, number: $0 + 1, award: $1) }
    }

    /// The provenance fields both tables start with.
    private static func provenance<Fields: RowFields>(_ procurement: Procurement, into fields: inout Fields) {
        fields.optionalInteger(procurement.year)
        fields.optionalInteger(
            (procurement.publishedAt ?? procurement.awardedAt).map { ProcurementDate.civil($0).month })
        fields.optionalText(procurement.buyerEntityCode)
    }

    /// The process's fields both tables share.
    private static func process<Fields: RowFields>(
        _ procurement: Procurement, awardDate: Date?, into fields: inout Fields
    ) {
        fields.optionalText(procurement.ocid)
        fields.optionalInteger(ProcurementNumeral.numeral(modalityCode: procurement.modalityCode))
        day(procurement.publishedAt, into: &fields)
        day(awardDate, into: &fields)
        fields.optionalText(procurement.buyerEntityName)
        fields.optionalText(procurement.buyingUnitCode)
        fields.optionalText(procurement.buyingUnitName)
        fields.optionalText(procurement.modalityCode)
        fields.optionalText(modalityName(procurement))
        fields.optionalText(procurement.status)
    }

    /// The catalog's name of the modality (what a flat export writes), or the source's text when it did not match.
    static func modalityName(_ procurement: Procurement) -> String? {
        procurement.modalityCode.flatMap { ModalityCatalog.bundled.modality(code: $0)?.name }
            ?? procurement.modalityText
    }

    /// Values joined by `; `, or empty when there are none.
    private static func joined<Fields: RowFields>(_ values: [String], into fields: inout Fields) {
        if values.isEmpty { fields.empty() } else { fields.text(values.joined(separator: "; ")) }
    }

    /// A day's date (`2022-03-31`), or empty.
    static func day<Fields: RowFields>(_ date: Date?, into fields: inout Fields) {
        if let date { fields.text(ProcurementDate.dayString(date)) } else { fields.empty() }
    }
}
