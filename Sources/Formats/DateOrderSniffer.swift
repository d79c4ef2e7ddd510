import Foundation

/// Decides a file's ``DateOrder`` from all of its date values.
///
/// A value whose first number is over 12 can only be day-first; one whose second number is over 12
/// only month-first. If both kinds appear the file is inconsistent; if neither does, the order is
/// ambiguous and the Guatemalan convention (day first) is assumed — and reported as an assumption.
public struct DateOrderSniffer: Sendable {
    /// What the values showed.
    public struct Decision: Hashable, Sendable {
        /// The order to use.
        public var order: DateOrder
        /// Values that could only be read day first.
        public var dayFirstEvidence: Int
        /// Values that could only be read month first.
        public var monthFirstEvidence: Int
        /// Values written as numbers in an order that had to be decided (not ISO, not placeholders).
        public var numericValues: Int
        /// True when no value decided it and day-first was assumed.
        public var isAssumed: Bool { dayFirstEvidence == 0 && monthFirstEvidence == 0 }
        /// True when values contradict each other.
        public var isInconsistent: Bool { dayFirstEvidence > 0 && monthFirstEvidence > 0 }

        /// A Spanish sentence for the import summary.
        public var explanation: String {
            if isAssumed { return "fechas leídas como \(order.displayName) (supuesto: ningún valor lo decide)" }
            if isInconsistent {
                return "fechas inconsistentes: \(dayFirstEvidence) solo válidas como día/mes/año y "
                    + "\(monthFirstEvidence) solo como mes/día/año; se usó \(order.displayName)"
            }
            let evidence = order == .dayFirst ? dayFirstEvidence : monthFirstEvidence
            return "fechas leídas como \(order.displayName) (\(evidence) valor(es) lo confirman)"
        }
    }

    private var dayFirst = 0
    private var monthFirst = 0
    private var numeric = 0

    /// A sniffer that has seen nothing yet.
    public init() {}

    /// Looks at one value (empty, ISO and null placeholders give no evidence).
    public mutating func observe(_ text: String) {
        guard let parts = DateParts(text), !parts.iso, !parts.isNullPlaceholder else { return }
        numeric += 1
        if parts.first > 12 && parts.second <= 12 { dayFirst += 1 }
        if parts.second > 12 && parts.first <= 12 { monthFirst += 1 }
    }

    /// The order to use for the whole file.
    public var decision: Decision {
        let order: DateOrder = monthFirst > dayFirst ? .monthFirst : .dayFirst
        return Decision(
            order: order, dayFirstEvidence: dayFirst, monthFirstEvidence: monthFirst, numericValues: numeric)
    }
}
