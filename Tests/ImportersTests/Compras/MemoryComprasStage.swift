import Foundation
import Importers

/// A ``RowStage`` in memory for small test files; it also records when each row arrived.
final class MemoryComprasStage: RowStage {
    private var order: [String] = []
    private var groups: [String: [Data]] = [:]
    private var rejected = Set<String>()
    /// The lines added, in the order they arrived.
    private(set) var lines: [Int] = []

    func add(group nog: String, sequence line: Int, payload: Data) throws {
        if groups[nog] == nil { order.append(nog) }
        groups[nog, default: []].append(payload)
        lines.append(line)
    }

    func groupCount() throws -> Int { order.count }

    func markRejected(group nog: String, sequence line: Int) throws {
        rejected.insert(nog)
    }

    func forEachGroup(_ body: (String, [Data], Bool) throws -> Void) throws {
        for nog in order { try body(nog, groups[nog] ?? [], rejected.contains(nog)) }
    }
}
