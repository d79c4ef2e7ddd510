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
        merged.publishedAt = pick(newer.publishedAt, publishedAt)
        merged.tenderEndAt = pick(newer.tenderEndAt, tenderEndAt)
        merged.awardedAt = pick(newer.awardedAt, awardedAt)
        merged.lastUpdatedAt = [lastUpdatedAt, newer.lastUpdatedAt].compactMap { $0 }.max()
        merged.items = pick(newer.items, items)
        merged.parties = pick(newer.parties, parties)
        merged.bids = pick(newer.bids, bids)
        merged.awards = pick(newer.awards, awards)
        merged.contracts = pick(newer.contracts, contracts)
        merged.releaseIDs = releaseIDs + newer.releaseIDs.filter { !releaseIDs.contains($0) }
        return merged
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
