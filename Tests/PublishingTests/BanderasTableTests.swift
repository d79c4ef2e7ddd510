import Domain
import Foundation
import Ledger
import Publishing
import Testing

/// The published `banderas` table: the last stored run of the year, read from the ledger, with provenance first.
struct BanderasTableTests {
    private static func indicator(_ id: String, _ name: String) -> RedFlagRun.IndicatorOutcome {
        RedFlagRun.IndicatorOutcome(
            info: RedFlagIndicatorInfo(
                id: id, nameES: name, nameEN: name, family: .presupuesto, summary: "s",
                explanation: "Una bandera es un motivo para mirar, nunca un hallazgo. Descarte: \(name)", sources: "f"),
            parameters: [], flagCount: 1, evaluated: 1)
    }

    private static func run(_ hash: String, flags: [RedFlag]) -> RedFlagRun {
        RedFlagRun(
            ejercicio: 2022, parametersHash: hash, parametersText: "x",
            indicators: [indicator("TR18", "Ejecución mayor")],
            flags: flags, purchasesRead: 3)
    }

    private static func flag(_ nog: String, supplier: String = "947642900", name: String = "TRANSPORTES, S.A.")
        -> RedFlag
    {
        RedFlag(
            indicatorID: "TR18", severity: .medio, subject: RedFlagSubject(kind: .nog, id: nog, label: "436-2"),
            ejercicio: 2022, value: "1.20", amount: Money(centavos: 2_000_000),
            detail: "NOG \(nog) de \(name): el devengado supera lo adjudicado",
            evidence: [
                RedFlagEvidence(referenceKind: "NOG", reference: nog, supplierID: supplier, supplierName: name),
                RedFlagEvidence(referenceKind: "NOG", reference: nog, amount: Money(centavos: 12_000_000)),
            ])
    }

    private static func table(_ ledger: Ledger, year: Int? = 2022) throws -> DataTable {
        try Datasets(ledger: ledger).table(.banderas, scope: DatasetScope(year: year))
    }

    @Test("the last stored run of the year is published, one row per flag, with its indicator's name and explanation")
    func lastRun() throws {
        let ledger = try Ledger.inMemory()
        try ledger.storeRedFlagRun(Self.run("aaa", flags: [Self.flag("100")]), toolVersion: "t", startedAt: Date())
        try ledger.storeRedFlagRun(
            Self.run("bbb", flags: [Self.flag("200"), Self.flag("300")]), toolVersion: "t", startedAt: Date())
        let table = try Self.table(ledger)
        #expect(table.name == "banderas")
        #expect(table.columns.prefix(3).map(\.name) == ["ejercicio", "mes", "entidad"])
        #expect(table.columns.allSatisfy { !$0.description.isEmpty })
        #expect(table.rows.count == 2)
        func cell(_ row: Int, _ column: String) -> String? {
            guard let index = table.columns.firstIndex(where: { $0.name == column }) else { return nil }
            return table.rows[row][index].plain
        }
        #expect(cell(0, "corrida") == "2" && cell(0, "huella_parametros") == "bbb")
        #expect(cell(0, "sujeto_id") == "200" && cell(1, "sujeto_id") == "300")
        #expect(cell(0, "nombre") == "Ejecución mayor")
        #expect(cell(0, "explicacion")?.contains("nunca un hallazgo") == true)
        #expect(cell(0, "referencias") == "NOG 200" && cell(0, "filas_evidencia") == "2")
        #expect(Dataset.published.last == .banderas)
        #expect(
            Dataset.published.firstIndex(of: .banderas) == (Dataset.published.firstIndex(of: .verificaciones) ?? 0) + 1)
        #expect(Dataset.banderas.laipNumerals == [20, 22])
    }

    @Test("a natural person's name or NIT in a flag's text is personal data; a company's is not")
    func naturalPerson() throws {
        let ledger = try Ledger.inMemory()
        try ledger.storeRedFlagRun(
            Self.run(
                "ccc",
                flags: [Self.flag("100", supplier: "82590753", name: "LOPEZ,GARCIA,,MARIA,JOSE"), Self.flag("200")]),
            toolVersion: "t", startedAt: Date())
        let table = try Self.table(ledger)
        let detail = try #require(table.columns.firstIndex { $0.name == "detalle" })
        #expect(
            table.rows[0][detail] == .person("NOG 100 de LOPEZ,GARCIA,,MARIA,JOSE: el devengado supera lo adjudicado"))
        #expect(table.rows[1][detail] == .text("NOG 200 de TRANSPORTES, S.A.: el devengado supera lo adjudicado"))
    }

    @Test("without a stored run the table is empty and says how to make one")
    func empty() throws {
        let table = try Self.table(try Ledger.inMemory())
        #expect(table.rows.isEmpty)
        #expect(table.emptyReason?.contains("transparencia banderas") == true)
        let ledger = try Ledger.inMemory()
        try ledger.storeRedFlagRun(Self.run("ddd", flags: []), toolVersion: "t", startedAt: Date())
        #expect(try Self.table(ledger, year: 2021).emptyReason?.contains("--year 2021") == true)
        #expect(try Self.table(ledger).emptyReason?.hasPrefix("sin banderas") == true)
    }
}
