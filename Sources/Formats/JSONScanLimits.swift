import Foundation

/// Limits that keep a hostile or corrupt JSON file from exhausting memory or the stack.
public struct JSONScanLimits: Sendable, Hashable {
    /// Deepest nesting accepted (OCDS needs about 8 levels; 64 leaves room without risking the decoder).
    public var maxDepth = 64
    /// Largest single element (one record or release) in bytes. A Guatecompras record is rarely over 1 MB.
    public var maxElementBytes = 32 << 20
    /// Largest object key at the top level, in bytes.
    public var maxKeyBytes = 4096

    /// Limits with the given values (the defaults suit Guatecompras files).
    public init(maxDepth: Int = 64, maxElementBytes: Int = 32 << 20, maxKeyBytes: Int = 4096) {
        self.maxDepth = maxDepth
        self.maxElementBytes = maxElementBytes
        self.maxKeyBytes = maxKeyBytes
    }
}
