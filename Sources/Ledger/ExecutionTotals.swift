import Domain
import Foundation

/// The current execution of a year added up by one dimension in SQL: one row per group, and what the grouped
/// tables say about the lines behind them.
public struct ExecutionTotals: Sendable, Equatable {
    /// What the lines are grouped by.
    public enum Grouping: Sendable {
        /// By expense group (`budget_line.grupo`: `000`, `100`, …).
        case grupo
        /// By renglón.
        case renglon
        /// By budget structure (entidad, unidad ejecutora, programa … obra), with the activity's name.
        case actividad
    }

    /// One group: its code and its lines' amounts added up (with the monthly devengado, month by month).
    public struct Group: Sendable, Equatable {
        public var code: String
        public var amounts: ExecutionAmounts
        /// By activity: the structure (``code`` is its label).
        public var structure: BudgetStructure?
        /// By activity: the first name (not empty) its lines print for the activity, in key order.
        public var name: String?
    }

    /// The groups, by code.
    public var groups: [Group]
    /// Budget lines added up.
    public var lines: Int
    /// Lines without any monthly devengado.
    public var linesWithoutMonths: Int
    /// The latest cut-off among the lines' current snapshots.
    public var latest: ExecutionCutoff?
}

/// What ``Ledger/currentExecutionTotals(ejercicio:entidad:unidadEjecutora:by:)`` was asked: the key its results are
/// kept by.
struct ExecutionTotalsQuery: Hashable, Sendable {
    var ejercicio: Int
    var entidad: String?
    var unidadEjecutora: String?
    var grouping: ExecutionTotals.Grouping
}
