import Foundation

/// A linking pass that changed the ledger.
public struct LinkRun: Hashable, Sendable, Codable {
    /// Whether the pass decided every purchase of its scope or only those whose inputs changed.
    public enum Mode: String, Hashable, Sendable, Codable {
        /// Every purchase of the scope (first pass, or rules, manual links, products or scope changed).
        case full = "completa"
        /// Only purchases imported or given evidence since the previous pass.
        case incremental
    }

    public var id: Int64
    public var ejercicio: Int
    public var startedAt: Date
    public var finishedAt: Date
    public var toolVersion: String
    public var mode: Mode
    /// Fingerprint of the pass's global inputs (rules, manual links, products, scope, algorithm version).
    public var inputsDigest: String
    /// The newest import run the pass saw: the next pass looks only at what came after.
    public var importWatermark: Int64
    /// Purchases decided.
    public var examined: Int
    /// Purchases whose links or reason were written (new or changed).
    public var written: Int
    /// Purchases whose links were removed (they left the scope).
    public var removed: Int

    public init(
        id: Int64, ejercicio: Int, startedAt: Date, finishedAt: Date, toolVersion: String, mode: Mode,
        inputsDigest: String, importWatermark: Int64, examined: Int, written: Int, removed: Int
    ) {
        self.id = id
        self.ejercicio = ejercicio
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.toolVersion = toolVersion
        self.mode = mode
        self.inputsDigest = inputsDigest
        self.importWatermark = importWatermark
        self.examined = examined
        self.written = written
        self.removed = removed
    }
}
