import Foundation

/// A reporting period: a fiscal year, optionally narrowed to a month or a cuatrimestre.
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    /// 1…12, or nil for the whole year (or a cuatrimestre).
    public var month: Int?
    /// 1…3 (enero–abril, mayo–agosto, septiembre–diciembre), or nil.
    public var cuatrimestre: Int?

    /// A whole fiscal year.
    public init(year: Int) {
        self.year = year
    }

    /// A month of a fiscal year; nil when the month is not 1…12.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
        self.cuatrimestre = Self.cuatrimestre(ofMonth: month)
    }

    /// A cuatrimestre of a fiscal year; nil when it is not 1…3.
    public init?(year: Int, cuatrimestre: Int) {
        guard (1...3).contains(cuatrimestre) else { return nil }
        self.year = year
        self.cuatrimestre = cuatrimestre
    }

    /// The cuatrimestre a month falls in (enero–abril is 1).
    public static func cuatrimestre(ofMonth month: Int) -> Int { (month - 1) / 4 + 1 }

    /// The months this period covers.
    public var months: ClosedRange<Int> {
        if let month { return month...month }
        if let cuatrimestre { return (cuatrimestre - 1) * 4 + 1...cuatrimestre * 4 }
        return 1...12
    }

    public var description: String {
        if let month { return String(format: "%04d-%02d", year, month) }
        if let cuatrimestre { return "\(year) cuatrimestre \(cuatrimestre)" }
        return String(year)
    }
}
