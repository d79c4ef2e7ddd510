import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ledger

/// The execution totals kept between the steps of one command are never given back once the ledger changed.
struct ExecutionTotalsMemoTests {
    private static func snapshot(month: Int, devengado: Int64) -> ExecutionSnapshot {
        let key = BudgetKey(
            ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
            proyecto: "000", actividad: "001", obra: "000", renglon: Renglon(rawValue: "211")!, fuente: "11",
            ubicacionGeografica: "0101")
        let amounts = ExecutionAmounts(
            asignado: Money(quetzales: 1_000), modificado: .zero, vigente: Money(quetzales: 1_000),
            devengado: Money(quetzales: devengado), pagado: Money(quetzales: devengado))
        return ExecutionSnapshot(
            cutoff: ExecutionCutoff(ejercicio: 2022, mes: month),
            lines: [BudgetLine(key: key, amounts: amounts, sourceLine: 1)])
    }

    private static func importing(_ ledger: Ledger, month: Int, devengado: Int64) throws {
        _ = try ledger.importExecution(
            snapshot(month: month, devengado: devengado),
            source: ImportSource(sourceKind: "ejecucion", fileName: "e\(month).csv", sha256: "e\(month)", bytes: 1),
            toolVersion: "t", rowsRead: 1)
    }

    private static func devengado(_ ledger: Ledger) throws -> Money? {
        try ledger.currentExecutionTotals(ejercicio: 2022, by: .actividad)?.groups.first?.amounts.devengado
    }

    @Test("a write through the same ledger is seen at once")
    func ownWrite() throws {
        let ledger = try Ledger.inMemory()
        try Self.importing(ledger, month: 3, devengado: 100)
        #expect(try Self.devengado(ledger) == Money(quetzales: 100))
        #expect(try Self.devengado(ledger) == Money(quetzales: 100))
        try Self.importing(ledger, month: 6, devengado: 250)
        #expect(try Self.devengado(ledger) == Money(quetzales: 250))
    }

    @Test("a commit by another connection (another process) is seen at once")
    func otherConnection() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("libro.sqlite").path
        let reader = try Ledger.open(path: path, create: true)
        let writer = try Ledger.open(path: path)
        try Self.importing(writer, month: 3, devengado: 100)
        #expect(try Self.devengado(reader) == Money(quetzales: 100))
        try Self.importing(writer, month: 6, devengado: 250)
        #expect(try Self.devengado(reader) == Money(quetzales: 250))
        // A change no import makes, behind every API: the answer still follows it.
        let raw = try DatabaseQueue(path: path)
        try raw.write { try $0.execute(sql: "UPDATE budget_snapshot_line SET devengado = 7700") }
        #expect(try Self.devengado(reader) == Money(quetzales: 77))
        withExtendedLifetime(directory) {}
    }

    @Test("each question keeps its own answer; asked again unchanged, the same answer")
    func keys() throws {
        let ledger = try Ledger.inMemory()
        try Self.importing(ledger, month: 3, devengado: 100)
        let byActivity = try ledger.currentExecutionTotals(ejercicio: 2022, by: .actividad)
        let byGroup = try ledger.currentExecutionTotals(ejercicio: 2022, by: .grupo)
        let otherEntity = try ledger.currentExecutionTotals(ejercicio: 2022, entidad: "11130018", by: .grupo)
        #expect(byActivity?.groups.first?.code != byGroup?.groups.first?.code)
        #expect(otherEntity?.groups.isEmpty == true)
        #expect(try ledger.currentExecutionTotals(ejercicio: 2022, by: .actividad) == byActivity)
        #expect(try ledger.currentExecutionTotals(ejercicio: 2022, by: .grupo) == byGroup)
    }
}

/// Totals by group rolled up from the totals by renglón equal SQLite's own grouping by `grupo`.
struct ExecutionTotalsRollUpTests {
    @Test("groups from renglones: sums, months, absent comprometido, line counts and cut-off as SQLite gives them")
    func sameAsSQL() throws {
        let ledger = try Ledger.inMemory()
        var lines: [BudgetLine] = []
        for (index, renglon) in ["011", "029", "122", "211", "261", "911", "011"].enumerated() {
            let key = BudgetKey(
                ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
                proyecto: "000", actividad: index == 6 ? "002" : "001", obra: "000",
                renglon: Renglon(rawValue: renglon)!, fuente: "11", ubicacionGeografica: "0101")
            let amount = Money(centavos: Int64(index + 1) * 1_000_03)
            lines.append(
                BudgetLine(
                    key: key,
                    amounts: ExecutionAmounts(
                        asignado: amount, modificado: .zero, vigente: amount,
                        comprometido: index.isMultiple(of: 2) ? amount : nil, devengado: amount, pagado: amount,
                        devengadoMensual: index == 3 ? [:] : [index % 12 + 1: amount]),
                    sourceLine: index + 1))
        }
        _ = try ledger.importExecution(
            ExecutionSnapshot(cutoff: ExecutionCutoff(ejercicio: 2022, mes: 9), lines: lines),
            source: ImportSource(sourceKind: "ejecucion", fileName: "e.csv", sha256: "e", bytes: 1), toolVersion: "t",
            rowsRead: lines.count)
        let query = ExecutionTotalsQuery(ejercicio: 2022, entidad: nil, unidadEjecutora: nil, grouping: .grupo)
        let bySQL = try ledger.read { try Ledger.currentExecutionTotals($0, query) }
        let rolled = try ledger.currentExecutionTotals(ejercicio: 2022, by: .grupo)
        #expect(rolled == bySQL)
        #expect(rolled?.groups.map(\.code) == ["000", "100", "200", "900"])
        #expect(rolled?.groups.first?.amounts.comprometido == Money(centavos: 8_000_24))
        #expect(rolled?.linesWithoutMonths == 1 && rolled?.lines == 7)
    }
}
