import Foundation

/// How strongly a red flag suggests looking closer. Never a verdict: even `alto` is a reason to look.
public enum RedFlagSeverity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Worth knowing; common legitimate explanations.
    case informativo
    /// Worth a look.
    case medio
    /// Worth a look first (e.g. a sum that crosses the cotización or licitación threshold).
    case alto

    private var rank: Int {
        switch self {
        case .informativo: 0
        case .medio: 1
        case .alto: 2
        }
    }

    public static func < (lhs: RedFlagSeverity, rhs: RedFlagSeverity) -> Bool { lhs.rank < rhs.rank }
}
