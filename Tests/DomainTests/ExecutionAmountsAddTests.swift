import Domain
import Foundation
import Testing

/// Adding amounts in place gives what `+` gives, including the parts of the modifications and the months.
struct ExecutionAmountsAddTests {
    static let samples: [ExecutionAmounts] = [
        .zero,
        ExecutionAmounts(
            asignado: Money(centavos: 100), modificado: Money(centavos: 5), vigente: Money(centavos: 105),
            devengado: Money(centavos: 50), pagado: Money(centavos: 40),
            devengadoMensual: [1: Money(centavos: 20), 2: Money(centavos: 30)]),
        ExecutionAmounts(
            asignado: Money(centavos: 7), modificado: .zero, vigente: Money(centavos: 7),
            comprometido: Money(centavos: 3), devengado: Money(centavos: 2), pagado: Money(centavos: 1),
            devengadoMensual: [2: Money(centavos: 2)],
            modificaciones: BudgetModifications(adiciones: Money(centavos: 4))),
        ExecutionAmounts(
            asignado: .zero, modificado: Money(centavos: -4), vigente: Money(centavos: -4),
            precomprometido: Money(centavos: 1), devengado: .zero, pagado: .zero,
            modificaciones: BudgetModifications(disminuciones: Money(centavos: 4))),
    ]

    @Test("add(_:) equals + for every pair of samples")
    func addEqualsPlus() throws {
        for left in Self.samples {
            for right in Self.samples {
                var sum = left
                try sum.add(right)
                #expect(sum == (try left + right))
            }
        }
    }

    @Test("an overflowing add throws and leaves the sum as it was")
    func overflowLeavesSum() {
        var sum = ExecutionAmounts(
            asignado: Money(centavos: .max), modificado: .zero, vigente: .zero, devengado: .zero, pagado: .zero)
        let before = sum
        #expect(throws: MoneyOverflowError.self) { try sum.add(Self.samples[1]) }
        #expect(sum == before)
    }
}
