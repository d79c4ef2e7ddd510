import Domain
import Foundation
import Importers
import Ledger

/// Writes one kind of record into an import's open transaction: the ledger side of an importer.
///
/// `SendableMetatype`: ``stage(_:)`` is called through the store's type on the reading thread.
protocol RecordStore<Record>: SendableMetatype {
    associatedtype Record: Sendable
    /// What the reading thread makes of a record before the writing thread gets it (the record itself unless the
    /// store has work that needs no ledger): the writing thread is the one an import waits for.
    associatedtype Staged: Sendable = Record

    /// Prepares a record for ``write(_:at:file:session:)``; runs on the reading thread, in file order.
    static func stage(_ record: consuming Record) -> Staged

    /// Writes one record.
    /// - Returns: a diagnostic when the ledger cannot take the record (it is then counted as a rejected row).
    mutating func write(_ record: consuming Staged, at position: RecordPosition, file: String, session: ImportSession)
        throws
        -> Diagnostic?

    /// Called once the whole file is read and its import is about to be kept or simulated.
    mutating func finish(_ reading: ImportReading, session: ImportSession) throws

    /// False when the store's writes only reference rows it made itself in the import's transaction, so SQLite
    /// need not look each reference up (see ``Ledger/Ledger/importing(_:toolVersion:checkingReferences:body:)``).
    static var checksReferences: Bool { get }
}

extension RecordStore {
    mutating func finish(_ reading: ImportReading, session: ImportSession) throws {}
    static var checksReferences: Bool { true }
}

extension RecordStore where Staged == Record {
    static func stage(_ record: consuming Record) -> Record { record }
}
