import Foundation
import Ledger
import Testing

struct RowStagingTests {
    @Test("groups come back whole, in order of their first row, across read pages, rows in the order appended")
    func groupsInFirstAppearanceOrder() throws {
        let staging = try RowStaging()
        // 5,000 rows (more than two read pages) of three groups interleaved, plus a late single row of "A".
        let keys = ["B", "A", "C"]
        for sequence in 0..<5000 {
            try staging.append(group: keys[sequence % 3], sequence: sequence, payload: Data("\(sequence)".utf8))
        }
        try staging.append(group: "A", sequence: 9000, payload: Data("9000".utf8))
        #expect(try staging.groupCount() == 3)
        var seen: [(String, [Int])] = []
        try staging.forEachGroup { group, payloads, _ in
            seen.append((group, payloads.map { Int(String(decoding: $0, as: UTF8.self)) ?? -1 }))
        }
        #expect(seen.map(\.0) == ["B", "A", "C"])
        #expect(seen[0].1 == Array(stride(from: 0, to: 5000, by: 3)))
        #expect(seen[1].1 == Array(stride(from: 1, to: 5000, by: 3)) + [9000])
        #expect(seen[2].1.count == 1666)
    }

    @Test("an empty staging area hands over nothing")
    func empty() throws {
        var calls = 0
        try RowStaging().forEachGroup { _, _, _ in calls += 1 }
        #expect(calls == 0)
    }

    @Test("a group with a rejected row is handed over marked, in the place of its first row, whatever came first")
    func rejectedGroups() throws {
        let staging = try RowStaging()
        try staging.markRejected(group: "B", sequence: 1)
        try staging.append(group: "A", sequence: 2, payload: Data("2".utf8))
        try staging.append(group: "B", sequence: 3, payload: Data("3".utf8))
        try staging.append(group: "C", sequence: 4, payload: Data("4".utf8))
        try staging.markRejected(group: "C", sequence: 5)
        var seen: [(String, Bool)] = []
        try staging.forEachGroup { group, _, rejected in seen.append((group, rejected)) }
        #expect(seen.map(\.0) == ["B", "A", "C"])
        #expect(seen.map(\.1) == [true, false, true])
    }
}
