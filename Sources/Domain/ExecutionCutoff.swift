import Foundation

/// The period an execution file reports: a fiscal year and its cut-off (a month, a date, or the whole year).
///
/// Snapshots of the same budget line are ordered by cut-off; the latest one is the line's current state.
public struct ExecutionCutoff: Hashable, Sendable, Codable, CustomStringConvertible {
    public var ejercicio: Int
    /// 1…12 when the file reports execution up to the end of a month.
    public var mes: Int?
    /// ISO date (`2022-12-31`) when the file states an exact cut-off.
    public var fechaCorte: String?

    public init(ejercicio: Int, mes: Int? = nil, fechaCorte: String? = nil) {
        self.ejercicio = ejercicio
        self.mes = mes
        self.fechaCorte = fechaCorte
    }

    /// The cut-off as an ISO date used to order snapshots: the stated date, else the month's last day,
    /// else 31 December (a file without period is the year's closing).
    public var sortDate: String {
        if let fechaCorte { return fechaCorte }
        let month = mes ?? 12
        let days = [31, Self.isLeap(ejercicio) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        // Not `String(format:)`: exports ask every budget line's cut-off, and formatting through Foundation was
        // a quarter of an execution table's time.
        return Self.zeroPadded(ejercicio, 4) + "-" + Self.zeroPadded(month, 2) + "-" + Self.zeroPadded(days, 2)
    }

    /// `7` → `07` for width 2: what `%0Nd` gives for a non-negative number.
    private static func zeroPadded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padding = String(repeating: "0", count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
        return (value < 0 ? "-" : "") + padding + digits
    }

    public var description: String {
        if let fechaCorte { return "\(ejercicio) al \(fechaCorte)" }
        if let mes { return String(format: "%04d-%02d", ejercicio, mes) }
        return "\(ejercicio) (anual)"
    }

    private static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }
}
