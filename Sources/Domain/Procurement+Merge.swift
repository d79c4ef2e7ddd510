import Foundation

extension Procurement {
    /// This procurement with every field `newer` states put on top (see ``ProcurementMergePolicy/overlay``).
    public func overlaid(by newer: Procurement) -> Procurement {
        func pick<T>(_ new: T?, _ old: T?) -> T? { new ?? old }
        func pick<T>(_ new: [T], _ old: [T]) -> [T] { new.isEmpty ? old : new }
        var merged = self
        merged.ocid = pick(newer.ocid, ocid)
        merged.title = newer.title.isEmpty ? title : newer.title
        merged.description = pick(newer.description, description)
        merged.buyerEntityCode = pick(newer.buyerEntityCode, buyerEntityCode)
        merged.buyerEntityName = pick(newer.buyerEntityName, buyerEntityName)
        merged.buyingUnitCode = pick(newer.buyingUnitCode, buyingUnitCode)
        merged.buyingUnitName = pick(newer.buyingUnitName, buyingUnitName)
        merged.modalityCode = pick(newer.modalityCode, modalityCode)
        merged.modalityText = pick(newer.modalityText, modalityText)
        merged.status = pick(newer.status, status)
        merged.ocdsStatus = pick(newer.ocdsStatus, ocdsStatus)
        merged.category = pick(newer.category, category)
        merged.publishedAt = Self.pickDate(newer.publishedAt, publishedAt)
        merged.tenderEndAt = Self.pickDate(newer.tenderEndAt, tenderEndAt)
        merged.awardedAt = Self.pickDate(newer.awardedAt, awardedAt)
        merged.lastUpdatedAt = [lastUpdatedAt, newer.lastUpdatedAt].compactMap { $0 }.max()
        merged.items = pick(newer.items, items)
        merged.parties = pick(newer.parties, parties)
        merged.bids = pick(newer.bids, bids)
        merged.awards = Self.overlayAwards(newer.awards, on: awards)
        merged.contracts = pick(newer.contracts, contracts)
        merged.releaseIDs = releaseIDs + newer.releaseIDs.filter { !releaseIDs.contains($0) }
        return merged
    }

    /// A newer date replaces a stored one, except that a day-only date (a flat export's `14/03/2022`) on the
    /// same day keeps the stored time of day (OCDS' `2022-03-14T10:37:52-06:00`): it says nothing new.
    static func pickDate(_ new: Date?, _ old: Date?) -> Date? {
        guard let new, let old else { return new ?? old }
        let newer = ProcurementDate.civil(new)
        let stored = ProcurementDate.civil(old)
        let sameDay = (newer.year, newer.month, newer.day) == (stored.year, stored.month, stored.day)
        let dayOnly = (newer.hour, newer.minute, newer.second) == (0, 0, 0)
        return sameDay && dayOnly ? old : new
    }

    /// Awards are matched by supplier (see ``matchingAward(_:in:)``): a matched award takes what the newer source
    /// states and keeps the rest (award id, statuses, the time of day, the supplier's identifier when the newer
    /// source has none); suppliers only the newer source has are added; stored awards it does not mention are
    /// kept, since a flat export or a page may leave out cancelled awards.
    static func overlayAwards(_ newer: [Award], on stored: [Award]) -> [Award] {
        guard !newer.isEmpty else { return stored }
        var remaining = stored
        var merged: [Award] = []
        for award in newer {
            guard let index = matchingAward(award, in: remaining) else {
                merged.append(award)
                continue
            }
            let old = remaining.remove(at: index)
            var combined = award
            combined.id = award.id ?? old.id
            if !award.supplier.hasIdentifier && old.supplier.hasIdentifier {
                // OCDS' `GT-GCID-CO-…` says more than a flat export's `COLOMBIA` (or nothing).
                combined.supplier.scheme = old.supplier.scheme
                combined.supplier.identifier = old.supplier.identifier
            }
            combined.supplier.name = award.supplier.name.isEmpty ? old.supplier.name : award.supplier.name
            combined.amount = award.amount ?? old.amount
            combined.status = award.status ?? old.status
            combined.statusDetails = award.statusDetails ?? old.statusDetails
            combined.date = pickDate(award.date, old.date)
            merged.append(combined)
        }
        return merged + remaining
    }

    /// The position of the stored award that `award` speaks of, if any: the one whose supplier has the same
    /// identifier; else, among those whose identifier cannot be compared (another scheme, as OCDS' GCID against a
    /// flat export's country, or none), the one with the same ``Supplier/comparableName`` and amount, or the only
    /// one with that name. Two suppliers whose identifiers of one scheme differ are never the same.
    static func matchingAward(_ award: Award, in stored: [Award]) -> Int? {
        if let index = stored.firstIndex(where: { $0.supplier.sameIdentifier(as: award.supplier) == true }) {
            return index
        }
        let name = award.supplier.comparableName
        guard !name.isEmpty else { return nil }
        let sameName = stored.indices.filter { index in
            stored[index].supplier.sameIdentifier(as: award.supplier) == nil
                && stored[index].supplier.comparableName == name
        }
        if let index = sameName.first(where: { stored[$0].amount == award.amount }) { return index }
        return sameName.count == 1 ? sameName.first : nil
    }

    /// The names of the fields that differ between two states of a procurement (for `release_history`).
    public func changedFields(from old: Procurement) -> [String] {
        var names: [String] = []
        func check<T: Equatable>(_ name: String, _ keyPath: KeyPath<Procurement, T>) {
            if self[keyPath: keyPath] != old[keyPath: keyPath] { names.append(name) }
        }
        check("ocid", \.ocid)
        check("title", \.title)
        check("description", \.description)
        check("buyerEntityCode", \.buyerEntityCode)
        check("buyerEntityName", \.buyerEntityName)
        check("buyingUnitCode", \.buyingUnitCode)
        check("buyingUnitName", \.buyingUnitName)
        check("modalityCode", \.modalityCode)
        check("modalityText", \.modalityText)
        check("status", \.status)
        check("ocdsStatus", \.ocdsStatus)
        check("category", \.category)
        check("publishedAt", \.publishedAt)
        check("tenderEndAt", \.tenderEndAt)
        check("awardedAt", \.awardedAt)
        check("lastUpdatedAt", \.lastUpdatedAt)
        check("items", \.items)
        check("parties", \.parties)
        check("bids", \.bids)
        check("awards", \.awards)
        check("contracts", \.contracts)
        check("releaseIDs", \.releaseIDs)
        return names
    }
}
