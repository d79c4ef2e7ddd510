import Domain
import Formats
import Foundation
import Importers
import TestSupport
import Testing

/// Flat compras JSON is streamed record by record (never read whole), with the same results as before.
struct ComprasJSONStreamingTests {
    private func record(_ index: Int, monto: Bool = true) -> String {
        #"{"_id": \#(index), "nogConcurso": \#(10_000_000 + index), "nit": "\#(1000 + index)", "nombre": "P\#(index)""#
            + (monto ? #", "monto": \#(index).5"# : "") + "}"
    }

    @Test("a large JSON export reports its progress in bytes while it is read, as CSV does")
    func progress() throws {
        let directory = try TemporaryDirectory()
        let records = (1...4_500).map { record($0) }.joined(separator: ",\n")
        let url = try directory.write(
            "compras.json", text: #"{"success": true, "result": {"records": ["# + records + "]}}")
        var reports: [(rows: Int, bytes: Int64)] = []
        var delivered = 0
        let reading = try ComprasFlatImporter().read(ImportFile(url: url)) { event in
            switch event {
            case .progress(let bytes, let rows): reports.append((rows, bytes))
            case .record: delivered += 1
            default: break
            }
        }
        #expect(delivered == 4_500 && reading.rowsRead == 4_500)
        #expect(reports.map(\.rows) == [2_000, 4_000])
        #expect(reports.allSatisfy { $0.bytes > 0 }, "bytes read are known for JSON")
    }

    @Test(
        "the header is every key of every record, even one missing from the first; total after the records still counts"
    )
    func headerAndTotal() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(
            "compras.json",
            text: #"{"result": {"records": ["# + record(1, monto: false) + "," + record(2) + #"], "total": 2}}"#)
        let result = try CollectedComprasImport.read(url)
        #expect(result.procurements.map { $0.awards.first?.amount } == [nil, Money(centavos: 250)])
        let partial = try directory.write(
            "pagina.json", text: #"{"result": {"records": ["# + record(1) + #"], "total": 9}}"#)
        let error = try #require(throws: ImportError.self) { try CollectedComprasImport.read(partial) }
        #expect(error.errorDescription?.contains("1 de 9") == true)
    }

    @Test("a JSON export saved as Windows-1252 is read as such")
    func windows1252() throws {
        let directory = try TemporaryDirectory()
        let text =
            #"[{"nogConcurso": 17471637, "descripcion": "ADQUISICIÓN", "nit": "1", "nombre": "NIÑOS", "monto": 1.5}]"#
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        let url = try directory.write("latin.json", Data(bytes))
        let result = try CollectedComprasImport.read(url)
        #expect(result.shapeDescription.hasPrefix("JSON Latin-1/Windows-1252"))
        #expect(result.procurements.first?.title == "ADQUISICIÓN")
        #expect(result.procurements.first?.awards.first?.supplier.name == "NIÑOS")
    }

    @Test("a record that is not an object, or an object without records, is refused with its position")
    func wrongShapes() throws {
        let directory = try TemporaryDirectory()
        let notObject = try directory.write("a.json", text: "[" + record(1) + ", 5]")
        let error = try #require(throws: ImportError.self) { try CollectedComprasImport.read(notObject) }
        #expect(error.errorDescription?.contains("a.json") == true)
        let noRecords = try directory.write("b.json", text: #"{"help": "x", "result": {"fields": []}}"#)
        #expect(throws: ImportError.self) { try CollectedComprasImport.read(noRecords) }
    }
}
