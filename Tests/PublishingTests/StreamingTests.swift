import Domain
import Foundation
import Ledger
import Publishing
import TestSupport
import Testing

/// `report` collects what `export` streams: the same code, the same bytes.
struct StreamingTests {
    @Test("every published table's CSV and JSON are the bytes report renders for it", arguments: Dataset.published)
    func sameBytes(dataset: Dataset) throws {
        let directory = try TemporaryDirectory()
        let ledger = try ExportFixture.ledger()
        try ExportFixture.export(ledger, to: directory.url, datasets: [dataset])
        let table = try Datasets(ledger: ledger).table(dataset, scope: ExportFixture.scope())
        #expect(try ExportFixture.read(directory.file(dataset.rawValue + ".csv")) == CSVTableWriter.render(table))
        #expect(try ExportFixture.read(directory.file(dataset.rawValue + ".json")) == JSONTableWriter.render(table))
    }

    @Test("ejecucion lists each line with the parts of its modifications where the file gave them")
    func executionLines() throws {
        let table = try Datasets(ledger: try ExportFixture.ledger()).table(.ejecucion, scope: ExportFixture.scope())
        let csv = CSVTableWriter.render(table)
        #expect(table.rows.count == 2)
        #expect(
            csv.contains(
                "\r\n2022,12,2022-12-31,11130016,2022-11130016-208-11-00-000-004-000-122-11---0101,208,11,00,000,004,000,122,"
                    + "100,11,,,0101,,,\"Impresión, encuadernación y reproducción\",100000.00,,,,,,,-10000.00,90000.00,,,3840.00,"
                    + "3840.00,4.27\r\n"), "a file that gives only the net leaves the parts empty")
        #expect(
            csv.contains(
                ",Mis Años Dorados,Alimentos para personas,2000000.00,400000.00,5100.00,0.00,0.00,,,394900.00,2394900.00,,2394900.00,2394900.00,2000000.00,100.00\r\n"
            ))
        let columns = table.columns.map(\.name)
        #expect(
            Array(columns[20...28]) == [
                "asignado", "adiciones", "disminuciones", "traspasos_positivos", "traspasos_negativos",
                "transferencias_positivas", "transferencias_negativas", "modificaciones", "vigente",
            ])
    }

    @Test("--month narrows compras to the processes published that month, and ejecucion to that month's devengado")
    func month() throws {
        let ledger = try ExportFixture.ledger()
        let compras = try Datasets(ledger: ledger).table(.compras, scope: ExportFixture.scope(month: 5))
        #expect(compras.rows.map { $0[3] } == [.text("16591327")])
        #expect(compras.title == "Compras registradas (mayo de 2022, SP): 1 procesos")
        let execution = try Datasets(ledger: ledger).table(.ejecucion, scope: ExportFixture.scope(month: 4))
        let columns = execution.columns.map(\.name)
        let period = try #require(columns.firstIndex(of: "devengado_periodo"))
        #expect(execution.rows.map { $0[period] } == [.money(.zero), .money(Money(quetzales: 2_394_900))])
        #expect(execution.rows.allSatisfy { $0[1] == .integer(4) }, "mes is the month asked for")
    }

    @Test("a line without monthly devengado cannot report a month: the export says so instead of writing zeros")
    func noMonths() throws {
        let ledger = try Ledger.inMemory()
        var line = ExportFixture.budgetLines()[0]
        line.amounts.devengadoMensual = [:]
        _ = try ledger.importExecution(
            ExecutionSnapshot(cutoff: ExecutionCutoff(ejercicio: 2022), lines: [line]),
            source: ImportSource(sourceKind: "ejecucion", fileName: "e.csv", sha256: "e", bytes: 1),
            toolVersion: "prueba",
            rowsRead: 1)
        #expect(throws: PublishingError.self) {
            try Datasets(ledger: ledger).table(.ejecucion, scope: ExportFixture.scope(month: 4))
        }
    }
}
