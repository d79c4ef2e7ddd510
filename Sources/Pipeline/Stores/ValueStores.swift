import Domain
import Foundation
import Importers
import Ledger

/// Writes the products and subproducts of a metas file.
struct MetasStore: RecordStore {
    mutating func write(_ metas: Metas, at position: RecordPosition, file: String, session: ImportSession) throws
        -> Diagnostic?
    {
        try session.writeMetas(metas)
        return nil
    }
}

/// Writes the rows of a published summary table; the file replaces the earlier rows of its years.
struct DeclaredSharesStore: RecordStore {
    private var shares: [DeclaredShare] = []

    mutating func write(_ share: DeclaredShare, at position: RecordPosition, file: String, session: ImportSession)
        throws -> Diagnostic?
    {
        // A summary replaces its years' rows as a whole, so its few rows are written together at the end.
        shares.append(share)
        return nil
    }

    mutating func finish(_ reading: ImportReading, session: ImportSession) throws {
        try session.writeDeclaredShares(shares)
    }
}

/// Writes rows of link files as evidence.
struct LinkEvidenceStore: RecordStore {
    mutating func write(_ row: LinkEvidence, at position: RecordPosition, file: String, session: ImportSession) throws
        -> Diagnostic?
    {
        try session.writeLinkEvidence(row)
        return nil
    }
}
