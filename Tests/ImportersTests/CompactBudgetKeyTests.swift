import Domain
import Testing

@testable import Importers

/// ``CompactBudgetKey`` packs the parts of ``BudgetKey/parts`` field by field: two keys pack alike exactly when
/// their parts are the same.
struct CompactBudgetKeyTests {
    @Test("keys that differ in any one field, or only in where a code's digits fall, pack differently")
    func packsEveryField() throws {
        let base = BudgetKey(
            ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
            proyecto: "000", actividad: "001", obra: "000", renglon: try #require(Renglon(rawValue: "211")),
            fuente: "31", organismo: "0151", correlativo: "0001", ubicacionGeografica: "0101")
        var variants = [base]
        func variant(_ change: (inout BudgetKey) -> Void) {
            var key = base
            change(&key)
            variants.append(key)
        }
        variant { $0.ejercicio = 2023 }
        // Years are packed digit by digit: every width, and a year whose digits run into the entidad's.
        for year in [1, 9, 10, 99, 100, 202, 20_221, 0] { variant { $0.ejercicio = year } }
        variant {
            $0.ejercicio = 202
            $0.structure.entidad = "211130016"
        }
        variant { $0.structure.entidad = "11130017" }
        variant { $0.structure.unidadEjecutora = nil }
        variant { $0.structure.programa = "12" }
        variant { $0.structure.subprograma = "01" }
        variant { $0.structure.proyecto = "001" }
        variant { $0.structure.actividad = "002" }
        variant { $0.structure.obra = "001" }
        variant { $0.renglon = Renglon(rawValue: "029") ?? $0.renglon }
        variant { $0.fuente = "11" }
        variant { $0.organismo = nil }
        variant { $0.correlativo = "0002" }
        variant { $0.ubicacionGeografica = nil }
        // The same digits moved from one code to the next: only the separators tell them apart.
        variant {
            $0.structure.programa = "110"
            $0.structure.subprograma = "0"
        }
        variant {
            $0.organismo = "01510"
            $0.correlativo = "001"
        }
        for left in variants {
            for right in variants {
                let packedLeft = try #require(CompactBudgetKey(left))
                let packedRight = try #require(CompactBudgetKey(right))
                #expect((packedLeft == packedRight) == (left.parts == right.parts))
            }
        }
        #expect(Set(variants.compactMap(CompactBudgetKey.init)).count == variants.count)
    }
}
