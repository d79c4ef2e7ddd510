import Foundation

/// An expense group of the MINFIN classifier (`000` Servicios personales … `900` Asignaciones globales).
public struct GrupoGasto: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The three-digit code, a multiple of 100 (`"000"`, `"100"`, … `"900"`).
    public let rawValue: String

    /// Accepts `"000"` … `"900"`.
    public init?(rawValue: String) {
        guard let renglon = Renglon(rawValue: rawValue), renglon.number % 100 == 0 else { return nil }
        self.rawValue = rawValue
    }

    init(number: Int) {
        self.rawValue = Renglon.pad(number)
    }

    /// Every group of the classifier, in order.
    public static let all: [GrupoGasto] = (0...9).map { GrupoGasto(number: $0 * 100) }

    public var description: String { rawValue }

    public static func < (lhs: GrupoGasto, rhs: GrupoGasto) -> Bool { lhs.rawValue < rhs.rawValue }
}
