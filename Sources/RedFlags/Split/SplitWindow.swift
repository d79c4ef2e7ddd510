import Foundation

/// The time window in which purchases are read together as one possible split purchase.
enum SplitWindow: Hashable, Sendable {
    /// Purchases whose dates are at most this many days apart (0 = the same calendar day).
    case days(Int)
    /// The same four-month period of the year (January–April, May–August, September–December).
    case cuatrimestre
    /// The same fiscal year.
    case ejercicio

    /// Reads `7`, `"cuatrimestre"` or `"ejercicio"`.
    init?(days: Int) {
        guard days >= 0, days <= 366 else { return nil }
        self = .days(days)
    }

    init?(name: String) {
        switch name.lowercased() {
        case "cuatrimestre": self = .cuatrimestre
        case "ejercicio", "anual", "año": self = .ejercicio
        case "mismo_dia", "mismo día", "dia", "día": self = .days(0)
        default:
            guard let days = Int(name) else { return nil }
            self.init(days: days)
        }
    }

    var settingsText: String {
        switch self {
        case .days(let days): String(days)
        case .cuatrimestre: "\"cuatrimestre\""
        case .ejercicio: "\"ejercicio\""
        }
    }

    /// Spanish words for the window (`7 días`, `el mismo día`, `el mismo cuatrimestre`).
    var spanish: String {
        switch self {
        case .days(0): "el mismo día"
        case .days(1): "1 día"
        case .days(let days): "\(days) días"
        case .cuatrimestre: "el mismo cuatrimestre"
        case .ejercicio: "el mismo ejercicio"
        }
    }
}
