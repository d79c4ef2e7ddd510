import Domain
import Foundation

/// A 64-bit FNV-1a fingerprint of every field of a procurement and its children: equal fingerprints mean a
/// re-import changed nothing.
///
/// Fed field by field rather than through `JSONEncoder`, which cost an eighth of a monthly import. Every field
/// must be fed here: `ProcurementFingerprintTests` counts the stored properties of each type so that adding one
/// without feeding it fails a test. FNV is enough: it only detects change between two states of one NOG.
struct ProcurementFingerprint {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    static func of(_ procurement: Procurement) -> String { text(value(of: procurement)) }

    /// The fingerprint as a number (what is kept in memory per NOG during an import).
    static func value(of procurement: Procurement) -> UInt64 {
        var hasher = ProcurementFingerprint()
        hasher.add(procurement, quantityTexts: nil)
        return hasher.value
    }

    /// The fingerprint as a number, given the items' quantities already as text (``quantityText(_:)``, one per
    /// item in order): the text of a `Decimal` costs as much as the rest of the item.
    static func value(of procurement: Procurement, quantityTexts: [String?]) -> UInt64 {
        var hasher = ProcurementFingerprint()
        hasher.add(procurement, quantityTexts: quantityTexts)
        return hasher.value
    }

    /// A quantity as fed to the fingerprint and stored (`procurement_item.quantity`): exact decimal text.
    static func quantityText(_ quantity: Decimal?) -> String? {
        quantity.map { "\($0)" }
    }

    /// The fingerprint as stored: 16 hexadecimal digits.
    static func text(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private mutating func byte(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    /// Presence marker, then the text's UTF-8 and a separator, so `nil`, `""` and adjacent fields never collide.
    private mutating func add(_ text: String?) {
        guard let text else { return byte(0x00) }
        byte(0x01)
        var copy = text
        copy.withUTF8 { bytes in for b in bytes { byte(b) } }
        byte(0x1F)
    }

    private mutating func add(_ number: Int64?) {
        guard let number else { return byte(0x00) }
        byte(0x02)
        var bits = UInt64(bitPattern: number)
        for _ in 0..<8 {
            byte(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    private mutating func add(_ date: Date?) { add(date.map { Int64(($0.timeIntervalSince1970).rounded(.down)) }) }
    private mutating func add(_ money: Money?) { add(money?.centavos) }
    private mutating func add(_ scheme: PartyScheme?) { add(scheme?.rawValue) }
    private mutating func count(_ count: Int) { add(Int64(count)) }

    private mutating func add(_ supplier: Supplier) {
        add(supplier.scheme)
        add(supplier.identifier)
        add(supplier.name)
    }

    private mutating func add(_ p: Procurement, quantityTexts: [String?]?) {
        add(p.nog)
        add(p.ocid)
        add(p.title)
        add(p.description)
        add(p.buyerEntityCode)
        add(p.buyerEntityName)
        add(p.buyingUnitCode)
        add(p.buyingUnitName)
        add(p.modalityCode)
        add(p.modalityText)
        add(p.status)
        add(p.ocdsStatus)
        add(p.category)
        add(p.publishedAt)
        add(p.tenderEndAt)
        add(p.awardedAt)
        add(p.lastUpdatedAt)
        count(p.items.count)
        for (index, item) in p.items.enumerated() {
            add(item.id)
            add(item.description)
            add(item.classificationScheme)
            add(item.classificationID)
            add(quantityTexts.map { $0[index] } ?? Self.quantityText(item.quantity))
            add(item.unitName)
        }
        count(p.parties.count)
        for party in p.parties {
            add(party.id)
            add(party.scheme)
            add(party.identifier)
            add(party.name)
            add(party.memberOf)
            count(party.roles.count)
            for role in party.roles { add(role) }
        }
        count(p.bids.count)
        for bid in p.bids {
            add(bid.id)
            add(bid.tenderer)
            add(bid.amount)
            add(bid.status)
            add(bid.date)
        }
        count(p.awards.count)
        for award in p.awards {
            add(award.id)
            add(award.supplier)
            add(award.amount)
            add(award.status)
            add(award.statusDetails)
            add(award.date)
        }
        count(p.contracts.count)
        for contract in p.contracts {
            add(contract.id)
            add(contract.awardID)
            add(contract.contractNumber)
            add(contract.title)
            add(contract.status)
            add(contract.statusDetails)
            add(contract.dateSigned)
            add(contract.amount)
            add(contract.periodStart)
            add(contract.periodEnd)
        }
        count(p.releaseIDs.count)
        for id in p.releaseIDs { add(id) }
    }
}
