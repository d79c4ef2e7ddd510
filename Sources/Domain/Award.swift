import Foundation

/// An award (adjudicación) of a procurement to one supplier: Guatecompras publishes one award per supplier.
public struct Award: Hashable, Sendable, Codable {
    /// The published award id (`GT-ADJ-<NOG>-<NIT>`), when there is one.
    public var id: String?
    /// The supplier awarded (one per award in Guatecompras).
    public var supplier: Supplier
    /// The awarded amount; nil when the source does not give one (missing, or a placeholder `0.0`).
    public var amount: Money?
    /// OCDS `status` (`active`, `cancelled`, `pending`, `unsuccessful`).
    public var status: String?
    /// Guatecompras' own status label (`Habilitado`, `Inhabilitado`).
    public var statusDetails: String?
    /// When the award was made.
    public var date: Date?

    /// Creates an award.
    public init(
        id: String? = nil, supplier: Supplier, amount: Money?, status: String? = nil,
        statusDetails: String? = nil, date: Date? = nil
    ) {
        self.id = id
        self.supplier = supplier
        self.amount = amount
        self.status = status
        self.statusDetails = statusDetails
        self.date = date
    }

    /// True unless the award was cancelled: only these count toward the awarded total of a process.
    public var isActive: Bool {
        guard let status else { return true }
        // Every total of a national year asks this of each award: ASCII statuses (all of OCDS's codes) are
        // compared without building their lowercased copies, anything else the long way.
        if let inactive = Self.isInactiveASCII(status) { return !inactive }
        let lowered = status.lowercased()
        return lowered != "cancelled" && lowered != "unsuccessful"
    }

    /// Whether an ASCII status is `cancelled` or `unsuccessful` in any case; nil when it is not ASCII.
    private static func isInactiveASCII(_ status: String) -> Bool? {
        var status = status
        return status.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return equalsIgnoringASCIICase(bytes, "cancelled") || equalsIgnoringASCIICase(bytes, "unsuccessful")
        }
    }

    private static func equalsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool
    {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        for (byte, want) in zip(bytes, expected) where byte | 0x20 != want { return false }
        return true
    }
}
