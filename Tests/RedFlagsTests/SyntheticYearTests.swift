import Domain
import Foundation
import Ledger
import RedFlags
import Testing

/// Planted split purchases are found and decoys are not, on a synthetic year imported through the ledger from
/// three kinds of source. Precision and recall are counts of purchases, never timings.
struct SyntheticYearTests {
    /// Imports the year and runs one indicator; returns the references it flagged.
    private func flagged(_ year: SyntheticYear, id: String) throws -> (Set<String>, RedFlagRun) {
        let ledger = try Ledger.inMemory()
        try year.store(in: ledger)
        let run = try RedFlagEngine().run(try ledger.flagInputs(ejercicio: 2022), ids: [id])
        return (Set(run.flags.flatMap { $0.evidence.map(\.reference) }), run)
    }

    @Test("TR02 finds every planted split to one supplier and no decoy (precision and recall ≥ 0.99)")
    func supplierSplits() throws {
        let year = SyntheticYear(seed: 20_220_601)
        let (flagged, run) = try flagged(year, id: "TR02")
        let truePositives = flagged.intersection(year.plantedBySupplier).count
        let precision = Double(truePositives) / Double(max(flagged.count, 1))
        let recall = Double(truePositives) / Double(year.plantedBySupplier.count)
        print(
            "TR02 año sintético: \(year.groups) grupos, \(year.plantedBySupplier.count) compras sembradas, "
                + "\(flagged.count) marcadas, precisión \(precision), exhaustividad \(recall)")
        #expect(year.plantedBySupplier.count > 200)
        #expect(year.procurements.count + year.evidence.count > 2_500)
        #expect(
            flagged.isDisjoint(with: year.decoys), "señuelos marcados: \(flagged.intersection(year.decoys).sorted())")
        #expect(precision >= 0.99)
        #expect(recall >= 0.99)
        // NPG parts from execution evidence were found together with NOG parts.
        #expect(run.flags.contains { flag in Set(flag.evidence.map(\.referenceKind)) == ["NOG", "NPG"] })
    }

    @Test("TR03 finds the planted splits of one object to different suppliers")
    func objectSplits() throws {
        let year = SyntheticYear(seed: 20_220_601)
        let (flagged, _) = try flagged(year, id: "TR03")
        let found = flagged.intersection(year.plantedByObject).count
        let recall = Double(found) / Double(year.plantedByObject.count)
        print(
            "TR03 año sintético: \(year.plantedByObject.count) compras sembradas, \(found) encontradas, exhaustividad \(recall)"
        )
        #expect(recall >= 0.99)
    }
}
