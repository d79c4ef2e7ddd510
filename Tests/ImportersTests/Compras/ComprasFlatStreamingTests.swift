import Domain
import Formats
import Foundation
import Importers
import TestSupport
import Testing

/// The flat importer works a row and a NOG at a time instead of holding the file.
struct ComprasFlatStreamingTests {
    private func write(_ text: String, name: String = "compras.csv") throws -> (TemporaryDirectory, URL) {
        let directory = try TemporaryDirectory()
        return (directory, try directory.write(name, try #require(text.data(using: .utf8))))
    }

    @Test(
        "rows reach the stage while the file is still being read: a broken last row fails after thousands were staged")
    func rowsLeaveBeforeTheEnd() throws {
        var text = "NOG CONCURSO;NIT;NOMBRE;MONTO\n"
        for index in 0..<20_000 { text += "\(1000 + index / 2);\(100 + index % 7);PROVEEDOR \(index % 7);10.00\n" }
        text += "99;\u{0};X;1\n"
        let (directory, url) = try write(text)
        let stage = MemoryComprasStage()
        var delivered = 0
        let error = try #require(throws: FormatsError.self) {
            try ComprasFlatImporter().read(url, stage: stage) { _ in delivered += 1 }
        }
        #expect(error.errorDescription?.contains("compras.csv:20002") == true)
        // Had the importer read the whole file before handing rows over, the NUL would have stopped it first.
        #expect(stage.lines.count > 10_000)
        #expect(stage.lines.first == 2)
        #expect(delivered == 0)
        _ = directory
    }

    @Test("what a read returns holds counts and diagnostics, never a list of rows or procurements")
    func summaryHoldsNoRows() throws {
        let (directory, url) = try write("NOG CONCURSO;NIT;NOMBRE;MONTO\n100;1234567;A;1.00\n200;7654321;B;2.00\n")
        let summary = try ComprasFlatImporter().read(url, stage: MemoryComprasStage()) { _ in }
        #expect(summary.procurementsDelivered == 2)
        // The only collection is the diagnostics; a `procurements` (or rows) array coming back would show here.
        let collections = Mirror(reflecting: summary).children.filter {
            Mirror(reflecting: $0.value).displayStyle == .collection
        }
        #expect(collections.map(\.label) == ["diagnostics"])
        _ = directory
    }

    @Test("a NOG whose lines are not adjacent (100, 200, 100) is one procurement with both awards")
    func nonContiguousNOG() throws {
        let (directory, url) = try write(
            """
            NOG CONCURSO;DESCRIPCION;NIT;NOMBRE;MONTO
            100;PUPITRES;1234567;MUEBLES SA;10.00
            200;PINTURA;7654321;COLORES SA;5.00
            100;PUPITRES;9876543;MADERAS SA;2.50
            """)
        let result = try CollectedComprasImport.read(url)
        #expect(result.procurements.map(\.nog) == ["100", "200"])
        let first = try #require(result.procurements.first)
        #expect(first.awards.map(\.supplier.nit) == ["1234567", "9876543"])
        #expect(first.awards.map(\.amount) == [Money(centavos: 1000), Money(centavos: 250)])
        #expect((result.rowsRead, result.rowsRejected) == (3, 0))
        _ = directory
    }

    @Test("a NOG repeated far away with another title is warned at that line and keeps its first row's title")
    func nonContiguousConflict() throws {
        let (directory, url) = try write(
            """
            NOG CONCURSO;DESCRIPCION;MODALIDAD;NIT;NOMBRE;MONTO
            100;PUPITRES;Compra Rara;1234567;A;10.00
            200;PINTURA;Compra Rara;7654321;B;5.00
            300;SILLAS;;7654321;B;5.00
            100;OTRA COSA;;9876543;C;2.50
            """)
        let result = try CollectedComprasImport.read(url)
        #expect(result.procurements.first?.title == "PUPITRES")
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map { "\($0.line ?? 0):\($0.field ?? "")" }
        // In line order, as a top-to-bottom read reports them, although NOG 100 is assembled before NOG 200.
        #expect(warnings == ["2:MODALIDAD", "5:DESCRIPCIÓN"])
        _ = directory
    }

    @Test("a bad line anywhere drops every line of its NOG, in line order, and nothing of it is delivered")
    func nonContiguousRejection() throws {
        let (directory, url) = try write(
            """
            NOG CONCURSO;FECHA DE PUBLICACION;NIT;NOMBRE;MONTO
            100;01/02/2022;1234567;A;10.00
            200;01/02/2022;7654321;B;5.00
            100;31/02/2022;9876543;C;2.50
            100;01/02/2022;1111111;D;2.50
            300;01/02/2022;7654321;B;doce
            """)
        let result = try CollectedComprasImport.read(url)
        #expect(result.procurements.map(\.nog) == ["200"])
        let errors = result.diagnostics.filter { $0.severity == .error }.map { "\($0.line ?? 0):\($0.field ?? "")" }
        #expect(errors == ["2:NOG", "4:FECHA DE PUBLICACIÓN", "5:NOG", "6:MONTO"])
        #expect(result.rowsRejected == 4)
        _ = directory
    }
}
