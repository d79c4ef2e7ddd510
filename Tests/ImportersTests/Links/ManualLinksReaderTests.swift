import Domain
import Foundation
import Importers
import TestSupport
import Testing

struct ManualLinksReaderTests {
    private func read(_ text: String) throws -> ManualLinksReading {
        let directory = try TemporaryDirectory()
        return try ManualLinksReader.read(try directory.write("manuales.csv", text: text))
    }

    private func problems(_ text: String) -> [Diagnostic] {
        do {
            _ = try read(text)
            return []
        } catch ImportError.invalidFile(_, let diagnostics) {
            return diagnostics
        } catch {
            return [Diagnostic(file: "?", message: "\(error)")]
        }
    }

    @Test("the sample manual-links file: one whole purchase, with renglón, supplier and note")
    func sample() throws {
        let reading = try ManualLinksReader.read(
            BinaryRunner.samples.appendingPathComponent("vinculos/manuales-sosep-2022.csv"))
        let link = try #require(reading.links.first)
        #expect(reading.links.count == 1)
        #expect(link.nog == "16974281" && link.productCode == "P01" && link.renglon?.rawValue == "155")
        #expect(link.supplierID == "595055664" && link.share == nil && link.amount == nil)
        #expect(link.line == 5 && link.file == "manuales-sosep-2022.csv")
        #expect(link.note?.hasPrefix("Arrendamiento") == true)
    }

    @Test("shares, percentages and amounts; shares that leave part of a purchase out are a warning")
    func shares() throws {
        let reading = try read(
            """
            nog;producto;participacion;monto;nota
            100;P02;0.7;;
            100;P05;30 %;;
            200;P03;;"1,500.00";parte
            300;P04;0.5;;solo la mitad
            """)
        #expect(reading.links.map(\.share?.billionths) == [700_000_000, 300_000_000, nil, 500_000_000])
        #expect(reading.links[2].amount == Money(quetzales: 1_500))
        #expect(reading.diagnostics.count == 1)
        #expect(reading.diagnostics.first?.severity == .warning && reading.diagnostics.first?.line == 5)
        #expect(reading.diagnostics.first?.message.contains("suman 0.5") == true)
    }

    @Test(
        "row mistakes are errors with file, line and column, and refuse the file",
        arguments: [
            ("nog,producto\n12a,P01", 2, "nog", "no es un NOG"),
            ("nog,producto\n100,", 2, "producto", "falta el código"),
            ("nog,producto,participacion\n100,P01,1.5", 2, "participacion", "no es una participación"),
            ("nog,producto,participacion,monto\n100,P01,0.5,10.00", 2, "monto", "no ambos"),
            ("nog,producto,monto\n100,P01,-5.00", 2, "monto", "mayor que cero"),
            ("nog,producto,renglon\n100,P01,2111", 2, "renglon", "tres dígitos"),
            ("nog,producto\n100,P01\n100,P01", 3, "producto", "repite la fila de la línea 2"),
            ("nog,producto,participacion\n100,P01,0.5\n100,P02,", 3, "participacion", "mezclan"),
            ("nog,producto\n100,P01\n100,P02", 3, "participacion", "sin participación ni monto"),
            ("nog,producto,participacion\n100,P01,0.7\n100,P02,0.7", 3, "participacion", "más que la compra entera"),
        ] as [(String, Int, String, String)])
    func mistakes(text: String, line: Int, field: String, message: String) {
        let found = problems(text)
        #expect(found.contains { $0.line == line && $0.field == field && $0.message.contains(message) }, "\(found)")
    }

    @Test("a file without nog or producto columns is refused by name")
    func missingColumns() {
        #expect(throws: ImportError.self) { try read("numero,producto\n100,P01\n") }
    }
}
