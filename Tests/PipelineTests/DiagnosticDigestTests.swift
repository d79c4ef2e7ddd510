import Domain
import Testing

@testable import Pipeline

struct DiagnosticDigestTests {
    @Test("the same problem with other values is one group; its lines are kept beyond the examples")
    func grouping() {
        var digest = DiagnosticDigest()
        for line in 2...95 {
            digest.add(
                Diagnostic(
                    file: "e.csv", line: line, field: "ejercicio", message: "«\(2000 + line)» no es el ejercicio 2022"))
        }
        digest.add(Diagnostic(file: "e.csv", line: 3, field: "renglon", message: "«21X» no es un renglón"))
        #expect(digest.groups.count == 2)
        #expect(digest.groups[0].count == 94)
        #expect(digest.groups[0].examples.map(\.line) == [2, 3, 4])
        #expect(digest.groups[0].lines.count == DiagnosticDigest.linesPerGroup)
        #expect(digest.count(.error) == 95)
    }

    @Test("beyond the kept groups diagnostics are only counted")
    func overflow() {
        var digest = DiagnosticDigest()
        for index in 0..<(DiagnosticDigest.maxGroups + 5) {
            digest.add(Diagnostic(file: "x", field: "campo\(index)", message: "malo"))
        }
        #expect(digest.groups.count == DiagnosticDigest.maxGroups)
        #expect(digest.overflow == 5)
        #expect(digest.count(.error) == DiagnosticDigest.maxGroups + 5)
    }
}

struct RepairDigestTests {
    @Test("repairs of the same field in different elements are one group")
    func groupsByField() {
        var digest = RepairDigest()
        digest.add(
            ValueRepair(
                line: 3, field: "records[3].compiledRelease.bids.details[1].value", original: "0.0",
                repaired: "(sin monto)"))
        digest.add(
            ValueRepair(line: 9, field: "records[9].bids.details[0].value", original: "0.0", repaired: "(sin monto)"))
        digest.add(ValueRepair(line: 2, field: "DESCRIPCIÓN", original: "NIÃ‘OS", repaired: "NIÑOS"))
        #expect(digest.fields.map(\.field) == ["bids.details.value", "DESCRIPCIÓN"])
        #expect(digest.fields.map(\.count) == [2, 1])
        #expect(digest.total == 3)
    }

    @Test("a JSON path's containers and indexes are left out of the field's name, dots inside an index too")
    func jsonPathNames() {
        var digest = RepairDigest()
        digest.add(
            ValueRepair(
                line: 1, field: "$.releases[2].tender.items[0].unit.value.amount", original: "0.0",
                repaired: "(sin monto)"))
        digest.add(ValueRepair(line: 1, field: "records[a.b].compiledRelease..date", original: "x", repaired: "y"))
        #expect(digest.fields.map(\.field) == ["tender.items.unit.value.amount", "date"])
    }

    /// The grouping as first written (an array per part, then filtered and joined), kept to check the one-pass one.
    static func referenceGroupName(_ field: String) -> String {
        var parts: [[UInt8]] = [[]]
        var inIndex = false
        for byte in field.utf8 {
            switch byte {
            case UInt8(ascii: "["): inIndex = true
            case UInt8(ascii: "]"): inIndex = false
            case UInt8(ascii: ".") where !inIndex: parts.append([])
            default: if !inIndex { parts[parts.count - 1].append(byte) }
            }
        }
        let containers: Set<[UInt8]> = Set(["records", "releases", "compiledRelease", "$"].map { Array($0.utf8) })
        let kept = parts.filter { !$0.isEmpty }.drop(while: { containers.contains($0) })
        return kept.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ".")
    }

    @Test(
        "field names are grouped as the first grouping did",
        arguments: [
            "", ".", "..", "$", "records", "records[0]", "records[0].", "[x]", "a[.b].c", "records.records.x",
            "x.records.y", "$.releases[0].compiledRelease.records[1].tender..items[2].ñandú.value",
            "records[3].compiledRelease.bids.details[1].value", "DESCRIPCIÓN", "a]b[c.d]e", "compiledRelease[",
            "releases[1]].tender", "records[12].compiledRelease.awards[0].suppliers[0].name",
        ])
    func sameAsReference(field: String) {
        #expect(RepairDigest.groupName(field) == Self.referenceGroupName(field))
    }
}
