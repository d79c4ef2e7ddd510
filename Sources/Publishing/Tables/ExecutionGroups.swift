import Domain
import Foundation
import Ledger

/// Budget lines added up as they stream by, by expense group, renglón or program/activity: only the groups
/// are held, never the lines.
struct ExecutionGroups {
    /// One group's amounts, the first usable name its lines print, and (for activities) its structure.
    struct Group {
        var amounts = ExecutionAmounts.zero
        var name: String?
        var structure: BudgetStructure?
    }

    private(set) var byGroup: [GrupoGasto: Group] = [:]
    private(set) var byRenglon: [Renglon: Group] = [:]
    private(set) var byActivity: [String: Group] = [:]

    /// Adds a line to the grouping the dataset needs.
    mutating func add(_ line: BudgetLine, for dataset: Dataset) throws {
        switch dataset {
        case .ejecucionPorRenglon:
            // A file's name completes the catalog only where the catalog lacks the code, and only from an
            // undamaged copy.
            let name = line.names["renglon"].flatMap { $0.contains("\u{FFFD}") ? nil : $0 }
            try Self.add(line.amounts, name: name, structure: nil, to: &byRenglon[line.key.renglon, default: Group()])
        case .ejecucionPorActividad:
            let structure = line.key.structure
            try Self.add(
                line.amounts, name: line.names["actividad"], structure: structure,
                to: &byActivity[structure.label, default: Group()])
        default:
            try Self.add(
                line.amounts, name: nil, structure: nil, to: &byGroup[line.key.renglon.grupo, default: Group()])
        }
    }

    /// Adds an activity already added up by SQLite (``Ledger/ExecutionTotals/Group``), in key order: groups whose
    /// structures read the same merge as their lines would have.
    mutating func add(activity total: ExecutionTotals.Group) throws {
        guard let structure = total.structure else { return }
        try Self.add(
            total.amounts, name: total.name, structure: structure, to: &byActivity[structure.label, default: Group()])
    }

    /// Adds amounts to a group; the first usable name and structure given stay.
    private static func add(
        _ amounts: ExecutionAmounts, name: String?, structure: BudgetStructure?, to group: inout Group
    ) throws {
        group.amounts = try group.amounts + amounts
        if group.name == nil, let name, !name.isEmpty { group.name = name }
        if group.structure == nil { group.structure = structure }
    }
}
