import Testing

@testable import Ledger

/// The compact record of the NOGs an import handled.
struct SeenNOGsTests {
    @Test(
        "NOGs of digits pack to distinct keys, leading zeros included; anything else does not pack",
        arguments: [
            ("8419205", true), ("0", true), ("007", true), ("999999999999999", true), ("1234567890123456", false),
            ("", false), ("12a", false), ("-1", false), ("١٢", false), (" 12", false),
        ])
    func packing(nog: String, packs: Bool) {
        #expect((SeenNOGs.packed(nog) != nil) == packs)
    }

    @Test("keys keep NOGs apart that differ only in leading zeros or length")
    func distinctKeys() {
        let nogs = ["7", "07", "007", "70", "700", "999999999999999", "99999999999999", "0"]
        #expect(Set(nogs.compactMap(SeenNOGs.packed)).count == nogs.count)
    }

    @Test("NOGs are numbered in the order they were accepted, with their fingerprints, whatever their form")
    func ordinalsAndFingerprints() {
        var seen = SeenNOGs()
        let nogs = ["16000001", "A-1", "016000001", "1234567890123456", "5"]
        for (index, nog) in nogs.enumerated() { seen.accept(nog, fingerprint: UInt64(100 + index)) }
        #expect(seen.count == nogs.count)
        for (index, nog) in nogs.enumerated() {
            #expect(seen.ordinal(of: nog) == index)
            #expect(seen.fingerprint(of: nog) == UInt64(100 + index))
        }
        #expect(seen.ordinal(of: "16000002") == nil)
        #expect(seen.fingerprint(of: "B-1") == nil)
    }
}
