import Foundation

/// What the OCDS importer read from one file.
public struct OCDSReadSummary: Sendable, Hashable {
    /// `paquete de registros`, `paquete de entregas`, `JSON Lines`, `entrega suelta`, …
    public var shape = ""
    /// Records (or release groups) read.
    public var recordsRead = 0
    /// Elements rejected.
    public var rejected = 0
    /// Values repaired in accepted procurements (placeholder dates, 0.0 bids, `<br />` in text, broken escapes).
    public var repaired = 0
    /// Bytes of the file.
    public var bytes: Int64 = 0

    /// An empty summary.
    public init() {}
}
