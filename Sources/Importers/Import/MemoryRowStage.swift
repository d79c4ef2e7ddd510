import Foundation

/// A ``RowStage`` in memory: for tests and small files (imports use an on-disk one, so memory stays flat).
public final class MemoryRowStage: RowStage {
    private var groups: [String] = []
    private var rows: [String: [Data]] = [:]

    public init() {}

    public func add(group: String, sequence: Int, payload: Data) throws {
        if rows[group] == nil { groups.append(group) }
        rows[group, default: []].append(payload)
    }

    public func forEachGroup(_ body: (String, [Data]) throws -> Void) throws {
        for group in groups { try body(group, rows[group] ?? []) }
    }

    public func groupCount() throws -> Int { groups.count }
}
