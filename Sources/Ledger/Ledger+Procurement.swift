import Domain
import Foundation
import GRDB

extension Ledger {
    /// The stored procurement with a NOG, children included.
    public func procurement(nog: String) throws -> Procurement? {
        try read { db in
            try ProcurementRecord.all().filter(nog: nog).fetchOne(db).map { try ProcurementSink.load($0, db: db) }
        }
    }

    /// Stored procurement, ordered by publication date then NOG, optionally narrowed by year (Guatemala time),
    /// buying unit (code such as `436-2` or part of its name), Guatecompras entity (its units `436-*`, or only
    /// the listed unit numbers) and modality code.
    public func procurements(
        year: Int? = nil, unit: String? = nil, guatecomprasEntity: String? = nil, guatecomprasUnits: [String] = [],
        modalityCode: String? = nil
    ) throws -> [Procurement] {
        try read { db in
            let request = Self.request(
                ProcurementSelection(
                    year: year, unit: unit, guatecomprasEntity: guatecomprasEntity,
                    guatecomprasUnits: guatecomprasUnits, modalityCode: modalityCode))
            return try request.order(ProcurementRecord.Columns.publishedAt, ProcurementRecord.Columns.nog)
                .fetchAll(db).map { try ProcurementSink.load($0, db: db) }
        }
    }

    /// How many procurements the ledger holds.
    public func procurementCount() throws -> Int {
        try read { db in try ProcurementRecord.fetchCount(db) }
    }

    /// The changes re-imports made to a NOG, oldest first.
    public func releaseHistory(nog: String) throws -> [ProcurementChange] {
        try read { db in
            try ReleaseHistoryRecord.filter(ReleaseHistoryRecord.Columns.nog == nog)
                .order(ReleaseHistoryRecord.Columns.id).fetchAll(db).map(\.change)
        }
    }
}
