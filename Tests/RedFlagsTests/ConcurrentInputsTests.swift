import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// A ledger on disk reads a year's purchases and its execution evidence on two connections at once: the inputs
/// are the ones a single connection reads (an in-memory ledger always reads them one after the other).
struct ConcurrentInputsTests {
    @Test("two connections read the same inputs as one: purchases, renglones, unit links, NPG, spending")
    func sameInputs() throws {
        let year = SyntheticYear(seed: 20_220_603)
        let nog = try #require(year.procurements.first?.nog)
        // Paid the next year (counts for the year's NOG), a NOG the ledger lacks in and out of the year.
        let extra = [
            LinkEvidence(
                kind: .insumo, ejercicio: 2023, nog: nog, entidad: "11130099", unidadEjecutora: "202", programa: "12",
                renglon: Renglon(rawValue: "291"), nit: "1234567", proveedor: "OTRO", monto: Money(quetzales: 5),
                fecha: "2023-01-15", sourceLine: 90_001),
            LinkEvidence(
                kind: .insumo, ejercicio: 2022, nog: "99999991", entidad: "11130099", unidadEjecutora: "202",
                renglon: Renglon(rawValue: "211"), monto: Money(quetzales: 7), fecha: "2022-03-01",
                sourceLine: 90_002),
            LinkEvidence(
                kind: .insumo, ejercicio: 2021, nog: "99999992", entidad: "11130099", unidadEjecutora: "202",
                renglon: Renglon(rawValue: "211"), monto: Money(quetzales: 9), fecha: "2021-03-01",
                sourceLine: 90_003),
        ]
        let directory = try TemporaryDirectory()
        let onDisk = try Ledger.open(path: directory.file("libro.sqlite").path, create: true)
        let inMemory = try Ledger.inMemory()
        try year.store(in: onDisk, extra: extra)
        try year.store(in: inMemory, extra: extra)

        let concurrent = try onDisk.flagInputs(ejercicio: 2022)
        let sequential = try inMemory.flagInputs(ejercicio: 2022)
        #expect(concurrent.purchases.count > 1_000)
        #expect(concurrent.purchases.contains { $0.kind == .npg })
        #expect(!concurrent.unitLinks.isEmpty)
        #expect(concurrent.spending.evidence.contains { $0.evidence.ejercicio == 2023 })
        #expect(concurrent.spending.unknownNOGs == ["99999991"])
        #expect(concurrent == sequential)
    }
}
