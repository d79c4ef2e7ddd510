import Domain
import Foundation
import Importers
import TestSupport
import Testing

struct DeclaredSharesImporterTests {
    @Test("reads Tabla 2 as published, amounts with Q and spaces, percentages as printed")
    func tabla2() throws {
        let parsed = try DeclaredSharesImporter.parse(try FixtureFile.url("resumen/tabla2-sosep-2022.csv"))
        #expect(parsed.isImportable)
        #expect(parsed.value.map(\.declaredPercent) == ["16.64", "57", "5", "4", "17", "10000"])
        #expect(parsed.value.map(\.isTotal) == [false, false, false, false, false, true])
        #expect(parsed.value.last?.amount == Money(quetzales: 178_061_100))
        #expect(parsed.value.first?.productCode == "P01")
        #expect(parsed.value.first?.line == 5)
        #expect(parsed.value.first?.percentDecimals == 2)
    }

    @Test("a percentage that is not a number is an error")
    func badPercent() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(
            "r.csv", text: "ejercicio,producto,monto,porcentaje_declarado\n2022,A,10.00,diez\n")
        let parsed = try DeclaredSharesImporter.parse(url)
        #expect(
            parsed.diagnostics.filter { $0.severity == .error }.map(\.description) == [
                "r.csv:2: campo «porcentaje_declarado»: error: «diez» no es un porcentaje"
            ])
    }
}
