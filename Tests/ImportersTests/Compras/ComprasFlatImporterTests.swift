import Domain
import Formats
import Foundation
import Importers
import TestSupport
import Testing

struct ComprasFlatImporterTests {
    private let header =
        "NOG CONCURSO;DESCRIPCIÓN;ENTIDAD COMPRADORA;UNIDAD COMPRADORA;MODALIDAD;ESTATUS;"
        + "FECHA DE PUBLICACIÓN;FECHA DE ADJUDICACIÓN;NIT;NOMBRE;MONTO"

    private func read(
        _ text: String, name: String = "compras.csv", encoding: String.Encoding = .utf8,
        options: ComprasFlatImporter.Options = .init()
    ) throws -> CollectedComprasImport {
        let directory = try TemporaryDirectory()
        let url = try directory.write(name, try #require(text.data(using: encoding)))
        return try CollectedComprasImport.read(url, importer: ComprasFlatImporter(options: options))
    }

    @Test("a Latin-1 ; file with title rows, Q. prefixes and a NOG on several lines groups awards per NOG")
    func latin1Semicolons() throws {
        let text = """
            SOSEP - ADJUDICACIONES;;;
            ;;;
            \(header)
            17471637;ALIMENTOS PARA NIÑOS;SOSEP;DEPARTAMENTO DE COMPRAS;Licitación Pública (Art. 17 LCE);Adjudicado;10-11-2022;28-11-2022;929191250;IMPRESOS LA ERMITA;Q.2,904,614.23
            17471637;ALIMENTOS PARA NIÑOS;SOSEP;DEPARTAMENTO DE COMPRAS;Licitación Pública (Art. 17 LCE);Adjudicado;10-11-2022;28-11-2022;787334294;"MAYA; S.A.";Q 1,000.00
            17471637;ALIMENTOS PARA NIÑOS;SOSEP;DEPARTAMENTO DE COMPRAS;Licitación Pública (Art. 17 LCE);Adjudicado;10-11-2022;28-11-2022;787334294;"MAYA; S.A.";500.50
            17054614;VIGENTE;SOSEP;[--No Especificado--];Licitación Pública (Art. 17 LCE);Vigente;21-08-2022;01/01/0001;;;
            ;;;;;;;;;TOTAL;Q.2,906,114.73
            """
        let result = try read(text, encoding: .isoLatin1)
        #expect(result.shapeDescription.contains("Latin-1"))
        #expect(result.shapeDescription.contains("punto y coma"))
        #expect(result.rowsRead == 4)
        #expect(result.rowsRejected == 0)
        #expect(result.procurements.map(\.nog) == ["17471637", "17054614"])
        let first = try #require(result.procurements.first)
        #expect(first.title == "ALIMENTOS PARA NIÑOS")
        #expect(first.modalityCode == "licitacion_publica")
        #expect(first.awards.map(\.supplier.nit) == ["929191250", "787334294"])
        #expect(first.awards.map(\.amount) == [Money(centavos: 290_461_423), Money(centavos: 150_050)])
        #expect(first.publishedAt.map(ProcurementDate.isoString) == "2022-11-10T00:00:00-06:00")
        let second = try #require(result.procurements.last)
        #expect(second.buyingUnitName == nil)
        #expect(second.awardedAt == nil)
        #expect(second.awards.isEmpty)
        #expect(result.dateOrder == .dayFirst)
    }

    @Test("UTF-8 with BOM, commas and camelCase headers from the MINFIN portal")
    func bomCamelCase() throws {
        let text =
            "\u{FEFF}nogConcurso,descripcion,estatusDelConcurso,fechaDePublicacion,monto\n"
            + "17471637,\"ALIMENTOS, PRIMER SEMESTRE\",Adjudicado,28-11-2022,\"Q.1,000.00\"\n"
        let result = try read(text)
        #expect(result.shapeDescription.contains("UTF-8 con BOM"))
        #expect(result.shapeDescription.contains("coma"))
        #expect(result.procurements.first?.title == "ALIMENTOS, PRIMER SEMESTRE")
        #expect(result.procurements.first?.status == "Adjudicado")
    }

    @Test("month-first files are detected from all values and reported")
    func monthFirst() throws {
        let text = """
            NOG,FECHA DE PUBLICACION,NIT,NOMBRE,MONTO
            1001,3/4/22,12345678,A,"1,000.00"
            1002,3/14/22,12345678,A,10
            """
        let result = try read(text)
        #expect(result.dateOrder == .monthFirst)
        #expect(result.dateDecision?.explanation.contains("mes/día/año") == true)
        #expect(result.procurements.first?.publishedAt.map(ProcurementDate.dayString) == "2022-03-04")
    }

    @Test("a forced date order wins; contradictory dates without one reject the file")
    func dateOrderConflicts() throws {
        let text = "NOG\tFECHA DE PUBLICACION\n1001\t13/04/2022\n1002\t04/13/2022\n"
        let conflicting = try read(text)
        #expect(conflicting.diagnostics.containsErrors)
        #expect(conflicting.procurements.isEmpty)
        let forced = try read(text, options: .init(dateOrder: .dayFirst))
        #expect(forced.procurements.map(\.nog) == ["1001"])
        #expect(forced.rowsRejected == 1)
        #expect(forced.diagnostics.contains { $0.line == 3 && $0.field == "FECHA DE PUBLICACIÓN" })
    }

    @Test("mojibake is repaired and counted")
    func mojibake() throws {
        let text = "nog_concurso;descripcion;nombre;nit\n1;HOGARES NIÃ‘OS;COFIÃ\u{0091}O;1234567\n"
        let result = try read(text)
        #expect(result.repairedValues == 2)
        #expect(result.procurements.first?.title == "HOGARES NIÑOS")
        #expect(result.procurements.first?.awards.first?.supplier.name == "COFIÑO")
    }

    @Test("bad rows are diagnosed with file, line and field; the NOG they belong to is left out")
    func badRows() throws {
        let text = """
            NOG CONCURSO;MONTO;NIT;NOMBRE
            12A;100.00;1;X
            500;doce;1;X
            500;100.00;2;Y
            600;1,00.00;1;X
            700;100.00;1;X
            """
        let result = try read(text)
        #expect(result.rowsRejected == 4)
        let located = result.diagnostics.filter { $0.severity == .error }.map {
            "\($0.file):\($0.line ?? 0):\($0.field ?? "")"
        }
        #expect(located == ["compras.csv:2:NOG", "compras.csv:3:MONTO", "compras.csv:4:NOG", "compras.csv:5:MONTO"])
        #expect(result.procurements.map(\.nog) == ["700"])
    }

    @Test("MINFIN camelCase JSON (CKAN envelope) with numeric amounts reads exactly")
    func minfinJSON() throws {
        let json = """
            {"success": true, "result": {"total": 2, "records": [
              {"_id": 1, "nogConcurso": 17471637, "descripcion": "ALIMENTOS", "entidadCompradora": "SOSEP",
               "estatusDelConcurso": "Adjudicado", "fechaDePublicacion": "2022-11-10T14:48:03",
               "fechaDeAdjudicacion": "2022-11-28", "nit": "929191250", "nombre": "ERMITA", "monto": 2904614.23},
              {"_id": 2, "nogConcurso": 17471637, "descripcion": "ALIMENTOS", "entidadCompradora": "SOSEP",
               "estatusDelConcurso": "Adjudicado", "fechaDePublicacion": "2022-11-10T14:48:03",
               "fechaDeAdjudicacion": "2022-11-28", "nit": "787334294", "nombre": "MAYA", "monto": 0.1}
            ]}}
            """
        let result = try read(json, name: "compras.json")
        #expect(result.shapeDescription.hasPrefix("JSON"))
        let procurement = try #require(result.procurements.first)
        #expect(procurement.status == "Adjudicado")
        #expect(procurement.publishedAt.map(ProcurementDate.isoString) == "2022-11-10T14:48:03-06:00")
        #expect(procurement.awards.map(\.amount) == [Money(centavos: 290_461_423), Money(centavos: 10)])
        #expect(result.dateDecision == nil)
    }

    @Test("lone UTF-16 surrogates become U+FFFD with a warning; the amounts are kept")
    func loneSurrogates() throws {
        let json = #"[{"nogConcurso": "1", "nombre": "COFI\udc81O", "nit": "1234567", "monto": "10.00"}]"#
        let result = try read(json, name: "roto.json")
        #expect(result.procurements.first?.awards.first?.supplier.name == "COFI\u{FFFD}O")
        #expect(result.procurements.first?.awards.first?.amount == Money(centavos: 1000))
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("1 carácter") })
    }

    @Test("a partial CKAN page is refused instead of silently understating")
    func partialPage() throws {
        let json = #"{"result": {"total": 5000, "records": [{"nogConcurso": 1, "monto": 1}]}}"#
        let error = try #require(throws: ImportError.self) { try read(json, name: "pagina.json") }
        #expect(error.errorDescription?.contains("1 de 5000") == true)
    }

    @Test("a file without a NOG column is the wrong kind of file")
    func noNOGColumn() throws {
        let error = try #require(throws: ImportError.self) { try read("RENGLON;MONTO\n029;1.00\n") }
        #expect(error.errorDescription?.contains("NOG") == true)
    }

    @Test("NUL bytes, huge fields and deeply nested JSON are refused with file and position")
    func hostileText() throws {
        let nul = try #require(throws: FormatsError.self) { try read("NOG;MONTO\n1;2\n3;\u{0}\n") }
        #expect(nul.errorDescription?.contains("compras.csv:3") == true)
        let huge = try #require(throws: FormatsError.self) {
            try read("NOG;DESCRIPCION\n1;" + String(repeating: "A", count: 2 << 20) + "\n")
        }
        #expect(huge.errorDescription?.contains("compras.csv:2") == true)
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let nested = try #require(throws: FormatsError.self) { try read(deep, name: "hondo.json") }
        #expect(nested.errorDescription?.contains("hondo.json:1: byte 64") == true)
    }

    @Test(
        "hostile workbooks are refused with a Spanish error naming the file and where",
        arguments: [
            ("no-es-zip", "no es un archivo ZIP"),
            ("ruta-escapa", "«../../fuera.txt»"),
            ("bomba-declarada", "bomba ZIP"),
            ("bomba-mentirosa", "declara 4096 bytes"),
            ("xxe", "xl/sharedStrings.xml:2"),
            ("billion-laughs", "xl/worksheets/hoja.xml:2"),
            ("anidamiento", "anidamiento"),
            ("celda-enorme", "supera"),
        ])
    func hostileWorkbooks(name: String, expected: String) throws {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "xlsx", subdirectory: "Fixtures/xlsx"))
        let error = try #require(throws: FormatsError.self) { try CollectedComprasImport.read(url) }
        let message = try #require(error.errorDescription)
        #expect(message.hasPrefix("\(name).xlsx"))
        #expect(message.contains(expected), "\(message)")
    }

    @Test("an XLSX is read by the sheet named, whatever its part is called")
    func sampleWorkbookSheet() throws {
        let url = ThreeShapesTests.samples.appendingPathComponent("compras-sosep-2022.xlsx")
        let named = try CollectedComprasImport.read(
            url, importer: ComprasFlatImporter(options: .init(sheet: "ADJUDICACIONES")))
        #expect(named.shapeDescription.contains("«Adjudicaciones»"))
        #expect(named.procurements.count >= 10)
        let error = try #require(throws: FormatsError.self) {
            try CollectedComprasImport.read(url, importer: ComprasFlatImporter(options: .init(sheet: "Hoja1")))
        }
        #expect(error.errorDescription?.contains("Adjudicaciones, Notas") == true)
    }
}
