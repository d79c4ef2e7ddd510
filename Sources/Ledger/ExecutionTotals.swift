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

extension ExecutionTotals {
    /// Totals by renglón added up by expense group (the renglón's group: what the ledger stores in
    /// `budget_line.grupo` for every line), in code order: what the SQL grouping by `grupo` gives, without scanning
    /// the year again.
    /// - Throws: ``Domain/MoneyOverflowError`` when a group's sum leaves 64-bit centavos, or
    ///   ``RollUpError/notARenglon`` for a code that is not a renglón.
    func rolledUpByGroup() throws -> ExecutionTotals {
        var byGroup: [String: ExecutionAmounts] = [:]
        for group in groups {
            guard let renglon = Renglon(rawValue: group.code) else { throw RollUpError.notARenglon(group.code) }
            let code = renglon.grupo.rawValue
            byGroup[code] = try (byGroup[code] ?? .zero) + group.amounts
        }
        var rolled = self
        rolled.groups = byGroup.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { code in
            Group(code: code, amounts: byGroup[code] ?? .zero)
        }
        return rolled
    }

    /// Why totals could not be rolled up (the caller then asks SQLite).
    enum RollUpError: Error {
        case notARenglon(String)
    }
}
