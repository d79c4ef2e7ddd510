import Domain
import Foundation
import Importers
import Ledger

/// Writes the products, subproducts and executed goals of a metas file. Executed goals must name a product or
/// subproduct of the file or of the ledger: otherwise the file is refused as a whole.
struct MetasStore: RecordStore {
    mutating func write(_ metas: consuming Metas, at position: RecordPosition, file: String, session: ImportSession)
        throws
        -> Diagnostic?
    {
        let unknown = try session.unknownGoals(metas)
        if !unknown.isEmpty {
            let codes = unknown.map { "«\($0.code)» (\($0.ejercicio))" }.joined(separator: ", ")
            return Diagnostic(
                file: file, field: MetasColumns.codigo,
                message: "la meta ejecutada nombra productos o subproductos que no están en el libro ni en el "
                    + "archivo: \(codes); importe primero sus metas programadas")
        }
        try session.writeMetas(metas)
        return nil
    }
}

/// Writes the rows of a published summary table; the file replaces the earlier rows of its years.
struct DeclaredSharesStore: RecordStore {
    private var shares: [DeclaredShare] = []

    mutating func write(
        _ share: consuming DeclaredShare, at position: RecordPosition, file: String, session: ImportSession
    )
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
    mutating func write(
        _ row: consuming LinkEvidence, at position: RecordPosition, file: String, session: ImportSession
    ) throws
        -> Diagnostic?
    {
        try session.writeLinkEvidence(row)
        return nil
    }
}
