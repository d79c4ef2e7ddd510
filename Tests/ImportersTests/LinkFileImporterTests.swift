import Domain
import Foundation
import Importers
import TestSupport
import Testing

struct LinkFileImporterTests {
    private func read(_ lines: [String]) throws -> LinkImport {
        let directory = try TemporaryDirectory()
        return try LinkFileImporter.read(
            try directory.write("vinculos.csv", text: lines.joined(separator: "\n") + "\n"))
    }

    @Test("reads input-level execution: NOG to programa, actividad and renglón, day-first dates")
    func insumos() throws {
        let result = try read([
            "NOG,NPG,UNIDAD_COMPRADORA,METODO_COMPRA,NIT,NOMBRE_PROVEEDOR,PROGRAMA,ACTIVIDAD,RENGLON,PRECIO,CANTIDAD_LIQUIDADA,MONTO_DEVENGADO,FECHA_APROBADO",
            "16740804,,SOSEP,Cotización,388768746,PROVEEDOR UNO,11,1,211,10.00,100,\"1,000.00\",12/07/2022",
            ",E521347698,SOSEP,Baja cuantía,4520781k,PROVEEDOR DOS,11,2,295,5.00,10,50.00,01/01/0001",
        ])
        #expect(result.kind == .insumo)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        let first = try #require(result.evidence.first)
        #expect(first.nog == "16740804" && first.programa == "11" && first.actividad == "001")
        #expect(first.renglon?.rawValue == "211" && first.monto == Money(quetzales: 1_000))
        #expect(first.fecha == "2022-07-12" && first.ejercicio == 2022)
        #expect(
            result.evidence[1].npg == "E521347698" && result.evidence[1].fecha == nil
                && result.evidence[1].nit == "4520781K")
    }

    @Test("reads CUR files with month-first dates")
    func cur() throws {
        let result = try read([
            "NO_CUR,NOG,CLASE_REGISTRO,NIT,MONTO,FEC_APROBADO",
            "4512,16740804,DEV,388768746,640055.93,7/12/2022",
        ])
        #expect(result.kind == .cur)
        #expect(result.evidence.first?.fecha == "2022-07-12")
        #expect(result.evidence.first?.claseRegistro == "DEV")
    }

    @Test("bad rows are errors with line and field; a row that links nothing is an error")
    func badRows() throws {
        let result = try read([
            "NOG,PROGRAMA,ACTIVIDAD,RENGLON,NIT,MONTO_DEVENGADO,FECHA_APROBADO",
            "16740804,11,001,2X1,1,10.00,12/07/2022",
            "16740804,11,001,211,1,diez,12/07/2022",
            ",11,001,211,1,10.00,12/07/2022",
        ])
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.line) == [2, 3, 4])
        #expect(errors[0].field == "RENGLON" && errors[1].field == "MONTO_DEVENGADO")
        #expect(result.evidence.isEmpty && result.rowsRejected == 3)
    }

    @Test("a file without NOG, NPG or CUR columns is not a link file")
    func wrongKind() throws {
        #expect(throws: ImportError.self) { try read(["PROGRAMA,RENGLON,MONTO", "11,211,10.00"]) }
    }
}
