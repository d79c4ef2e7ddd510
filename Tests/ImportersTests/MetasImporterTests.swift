import Domain
import Foundation
import Importers
import TestSupport
import Testing

struct MetasImporterTests {
    static let header =
        "ejercicio,nivel,codigo,producto_padre,direccion_codigo,direccion,nombre,unidad_medida,meta_fisica,presupuesto_vigente,entidad,unidad_ejecutora,programa,subprograma,proyecto,actividad,obra"
    static let product =
        "2022,producto,P01,,DC,Dirección,Producto uno,Persona,100,1000.00,11130016,208,11,00,000,001,000"

    private func parse(_ lines: [String]) throws -> ParsedFile<Metas> {
        let directory = try TemporaryDirectory()
        let url = try directory.write("metas.csv", text: lines.joined(separator: "\n") + "\n")
        return try MetasImporter.parse(url)
    }

    private func errors(_ parsed: ParsedFile<Metas>) -> [Diagnostic] {
        parsed.diagnostics.filter { $0.severity == .error }
    }

    @Test("imports SOSEP 2022: five products, nine subproducts, Q178,061,100.00 and 58,425 personas")
    func sosepSample() throws {
        let parsed = try MetasImporter.parse(try FixtureFile.url("metas/metas-sosep-2022.csv"))
        #expect(parsed.isImportable)
        #expect(parsed.value.products.map(\.code) == ["P01", "P02", "P03", "P04", "P05"])
        #expect(parsed.value.subproducts.count == 9)
        #expect(try Money.sum(parsed.value.products.map(\.presupuestoVigente)) == Money(quetzales: 178_061_100))
        let personas = parsed.value.products.filter { $0.meta.unidadMedida == "Persona" }.map(\.meta.cantidad).reduce(
            0, +)
        #expect(personas == 58_425)
        #expect(parsed.value.directorates.count == 5)
        let p04 = try #require(parsed.value.products.first { $0.code == "P04" })
        #expect(
            p04.structure
                == BudgetStructure(entidad: "11130016", unidadEjecutora: "208", programa: "11", actividad: "003"))
        #expect(
            parsed.value.subproducts.first { $0.code == "P04-02" }?.name
                == "Formación técnica, productiva, comercial y de desarrollo integral a mujeres.")
    }

    @Test("reads the same metas from JSON as from CSV")
    func jsonEqualsCSV() throws {
        let csv = try MetasImporter.parse(try FixtureFile.url("metas/metas-sosep-2022.csv"))
        let json = try MetasImporter.parse(try FixtureFile.url("metas/metas-sosep-2022.json"))
        #expect(json.isImportable, "\(json.diagnostics)")
        #expect(json.value == csv.value)
    }

    @Test("a missing column imports nothing and names the column")
    func missingColumn() throws {
        let parsed = try parse([Self.header.replacingOccurrences(of: ",meta_fisica", with: ""), Self.product])
        #expect(!parsed.isImportable)
        #expect(parsed.value.products.isEmpty)
        #expect(
            errors(parsed).map(\.description) == [
                "metas.csv:1: campo «meta_fisica»: error: falta la columna «meta_fisica» en el encabezado"
            ])
    }

    @Test("a non-numeric meta is an error on its line and field")
    func nonNumericMeta() throws {
        let parsed = try parse([Self.header, Self.product.replacingOccurrences(of: ",100,", with: ",cien,")])
        #expect(!parsed.isImportable)
        #expect(
            errors(parsed).map(\.description) == [
                "metas.csv:2: campo «meta_fisica»: error: «cien» no es una cantidad numérica"
            ])
    }

    @Test("an amount with letters is an error on its line and field")
    func amountWithLetters() throws {
        let parsed = try parse([Self.header, Self.product.replacingOccurrences(of: "1000.00", with: "10OO.00")])
        #expect(
            errors(parsed).map(\.description) == [
                "metas.csv:2: campo «presupuesto_vigente»: error: «10OO.00» no es un monto válido"
            ])
    }

    @Test("a duplicate product points at the first occurrence")
    func duplicate() throws {
        let parsed = try parse([Self.header, Self.product, Self.product])
        #expect(
            errors(parsed).map(\.description) == [
                "metas.csv:3: campo «codigo»: error: el código «P01» del ejercicio 2022 está duplicado (ya aparece en la línea 2)"
            ])
    }

    @Test("a subproduct whose product is missing is an error")
    func orphanSubproduct() throws {
        let parsed = try parse([Self.header, Self.product, "2022,subproducto,P09-01,P09,,,Huérfano,Persona,5,,,,,,,,"])
        #expect(
            errors(parsed).map(\.description) == [
                "metas.csv:3: campo «producto_padre»: error: el producto «P09» del ejercicio 2022 no existe en el archivo"
            ])
    }

    @Test("reports every problem of a file at once")
    func everyProblem() throws {
        let parsed = try parse([
            Self.header,
            Self.product.replacingOccurrences(of: ",100,", with: ",x,"),
            "2022,producto,P02,,DC,Dirección,Dos,Persona,5,Q1.2.3,11130016,208,11,00,000,002,000",
            "2022,otro,P03,,,,Tres,Persona,5,,,,,,,,",
        ])
        #expect(errors(parsed).count == 3)
        #expect(Set(errors(parsed).compactMap(\.line)) == [2, 3, 4])
    }

    @Test("JSON problems carry their JSON path")
    func jsonPath() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(
            "m.json",
            text: """
                {"ejercicio": 2022, "productos": [{"codigo": "P01", "direccion_codigo": "DC", "direccion": "D", "nombre": "N",
                  "unidad_medida": "Persona", "meta_fisica": "muchas", "presupuesto_vigente": "10.00", "entidad": "1",
                  "unidad_ejecutora": "2", "programa": "11", "actividad": "001"}]}
                """)
        let parsed = try MetasImporter.parse(url)
        #expect(
            errors(parsed).map(\.description) == [
                "m.json: campo «productos[0].meta_fisica»: error: «muchas» no es una cantidad numérica"
            ])
        let broken = try directory.write("b.json", text: "{\"ejercicio\": 2022, \"productos\": [")
        #expect(!(try MetasImporter.parse(broken)).isImportable)
    }
}
