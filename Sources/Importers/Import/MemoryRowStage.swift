import Foundation

/// A ``RowStage`` in memory: for tests and small files (imports use an on-disk one, so memory stays flat).
public final class MemoryRowStage: RowStage {
    private var groups: [String] = []
    private var rows: [String: [Data]] = [:]
    private var rejected = Set<String>()

    public init() {}

    public func add(group: String, sequence: Int, payload: Data) throws {
        if rows[group] == nil { groups.append(group) }
        rows[group, default: []].append(payload)
    }

    public func markRejected(group: String, sequence: Int) throws {
        rejected.insert(group)
    }

    public func forEachGroup(_ body: (String, [Data], Bool) throws -> Void) throws {
        for group in groups { try body(group, rows[group] ?? [], rejected.contains(group)) }
    }

    public func groupCount() throws -> Int { groups.count }
}
