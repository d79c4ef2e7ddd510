/// Carries a ``CSVReader`` to the thread of a ``CSVPrefetcher``, which is its only user from then on (the
/// reader is a class with mutable state, so it is not `Sendable` by itself).
final class CSVReaderHandle: @unchecked Sendable {
    let reader: CSVReader

    init(_ reader: CSVReader) {
        self.reader = reader
    }
}
