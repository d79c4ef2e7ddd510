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

    @Test("title rows above the header are skipped; a header missing a column is still reported at its own line")
    func titleRows() throws {
        let directory = try TemporaryDirectory()
        let titled = try directory.write(
            "t.csv",
            text: "Tabla 2. Presupuesto por producto\nEjercicio 2022\n"
                + "ejercicio,producto,monto,porcentaje_declarado\n2022,A,10.00,100%\n")
        let parsed = try DeclaredSharesImporter.parse(titled)
        #expect(parsed.isImportable, "\(parsed.diagnostics)")
        #expect(parsed.value.map(\.line) == [4])
        let misspelled = try directory.write(
            "m.csv", text: "ejercicio,producto,monto,porcentaje\n2022,A,10.00,100%\n")
        let refused = try DeclaredSharesImporter.parse(misspelled)
        #expect(
            refused.diagnostics.filter { $0.severity == .error }.map(\.description) == [
                "m.csv:1: campo «porcentaje_declarado»: error: falta la columna «porcentaje_declarado» en el encabezado"
            ])
    }
}
