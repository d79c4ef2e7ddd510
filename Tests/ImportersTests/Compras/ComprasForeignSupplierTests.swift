import Domain
import Formats
import Foundation
import Importers
import TestSupport
import Testing

/// Foreign suppliers in flat exports: the «NIT» cell holds their country, which is not an identifier.
struct ComprasForeignSupplierTests {
    @Test("a country in the NIT cell leaves the supplier without identifier; NITs (also with K) keep theirs")
    func countryIsNotAnIdentifier() throws {
        let text = """
            NOG CONCURSO;NIT;NOMBRE;MONTO
            17355959;595055664;ORTOPEDIA INTEGRAL DE GUATEMALA, SOCIEDAD ANONIMA;214,780.00
            17355959;COLOMBIA;EQUIPOS MEDICOS ANDINOS S.A.S.;194,009.04
            16816974;41714685K;PAPELERIA Y LIBRERIA SAN MIGUEL;33,080.00
            16816975;Perú;INSUMOS LIMA S.A.C.;1.00
            """
        let directory = try TemporaryDirectory()
        let url = try directory.write("extranjeros.csv", text: text)
        let result = try CollectedComprasImport.read(url, importer: ComprasFlatImporter())
        let suppliers = result.procurements.flatMap(\.awards).map(\.supplier)
        #expect(suppliers.map(\.scheme) == [.nit, nil, .nit, nil])
        #expect(suppliers.map(\.identifier) == ["595055664", "", "41714685K", ""])
        #expect(suppliers.map(\.name)[1] == "EQUIPOS MEDICOS ANDINOS S.A.S.")
    }
}
