import Domain
import Foundation
import Testing

@testable import Linking

/// Ledgers store each purchase's result fingerprint, and a pass rewrites a purchase when it changes: the
/// fingerprint of the same result must never change between versions.
struct LinkDigestTests {
    /// The fingerprint as first written: every field through `String`, FNV-1a over its UTF-8 bytes.
    private static func digestTheLongWay(_ decision: LinkDecision) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            for byte in Array(text.utf8) + [0x1F] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        for link in decision.links {
            add(String(link.ejercicio))
            add(link.nog)
            add(link.productCode)
            add(link.subproductCode ?? "")
            add(link.renglon?.rawValue ?? "")
            add(link.supplierID ?? "")
            add(link.method.rawValue)
            add(String(link.share.billionths))
            add(String(link.amount.centavos))
            for id in link.provenance.evidenceIDs { add(String(id)) }
            add(link.provenance.ruleID ?? "")
            add(link.provenance.manualFile ?? "")
            add(link.provenance.manualLine.map(String.init) ?? "")
            add(link.provenance.label)
            for run in link.dependsOn { add(String(run)) }
            add(link.note ?? "")
            hash = (hash ^ 0x1E) &* 0x100_0000_01b3
        }
        if let unlinked = decision.unlinked {
            add(String(unlinked.ejercicio))
            add(unlinked.reason.rawValue)
            add(unlinked.detail)
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func link(_ centavos: Int64, share: Int64, evidence: [Int64], line: Int?, runs: [Int64])
        -> ProcurementLink
    {
        ProcurementLink(
            ejercicio: 2022, nog: "16740804", productCode: "P01", subproductCode: line == nil ? "SP01" : nil,
            renglon: Renglon(rawValue: "211"), supplierID: "GT-NIT-421450878",
            method: line == nil ? .evidence : .manual,
            share: LinkShare(billionths: share), amount: Money(centavos: centavos),
            provenance: LinkProvenance(
                evidenceIDs: evidence, ruleID: nil, manualFile: line.map { _ in "manuales.csv" }, manualLine: line,
                label: "insumos, línea 12 · «ñandú» 🇬🇹"),
            dependsOn: runs, note: line.map { _ in "división\u{0}con NUL" })
    }

    @Test(
        "the fingerprint is the one every earlier version stored",
        arguments: [
            LinkDecision(nog: "1", links: []),
            LinkDecision(
                nog: "16740804",
                links: [
                    link(
                        1_234_567, share: 600_000_000, evidence: [0, 9, 10, 99, 1_000_000_007], line: nil,
                        runs: [1, 42]),
                    link(-5, share: 0, evidence: [], line: 0, runs: []),
                    link(.max, share: 1_000_000_000, evidence: [.max, .min, -1], line: 123_456, runs: [.min]),
                    link(.min, share: 400_000_000, evidence: [7], line: -3, runs: [0]),
                ]),
            LinkDecision(
                nog: "2", links: [],
                unlinked: UnlinkedProcurement(ejercicio: 2022, nog: "2", reason: .noEvidence, detail: "sin filas")),
        ])
    func sameAsEver(decision: LinkDecision) {
        #expect(decision.digest == Self.digestTheLongWay(decision))
    }

    @Test("a known result keeps its known fingerprint")
    func pinned() {
        let decision = LinkDecision(
            nog: "16740804",
            links: [Self.link(1_234_567, share: 1_000_000_000, evidence: [3, 14], line: nil, runs: [2])])
        #expect(decision.digest == Self.digestTheLongWay(decision))
        #expect(decision.digest == "5a6cd73af2d17524", "FNV-1a of the fields, computed apart")
    }
}
