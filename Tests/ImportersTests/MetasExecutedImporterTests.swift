import Domain
import Foundation
import Importers
import TestSupport
import Testing

struct MetasExecutedImporterTests {
    private func parse(_ lines: [String], options: MetasImportOptions = MetasImportOptions()) throws
        -> ParsedFile<Metas>
    {
        let directory = try TemporaryDirectory()
        let url = try directory.write("ejecucion.csv", text: lines.joined(separator: "\n") + "\n")
        return try MetasImporter.parse(url, options: options)
    }

    private func errors(_ parsed: ParsedFile<Metas>) -> [String] {
        parsed.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test("reads the SIGES-shaped SOSEP report: Latin-1, semicolons, thousands commas, months added to the cut-off")
    func sosepReport() throws {
        let parsed = try MetasImporter.parse(try FixtureFile.url("metas/ejecucion-fisica-sosep-2022-08.csv"))
        #expect(parsed.isImportable, "\(parsed.diagnostics)")
        #expect(parsed.value.products.isEmpty)
        #expect(parsed.value.executed.count == 14)
        #expect(parsed.value.executed.allSatisfy { $0.ejercicio == 2022 && $0.mes == 8 })
        let p02 = try #require(parsed.value.executed.first { $0.code == "P02" })
        #expect(p02.cantidad == 11_200)
        #expect(p02.percent(of: 17_050) == Decimal(string: "65.69"))
        #expect(parsed.value.executed.first { $0.code == "P05-02" }?.cantidad == 64)
    }

    @Test("an accumulated column needs a cut-off: from the corte column, from --month, or an error naming the field")
    func cutoffSources() throws {
        let header = "ejercicio,codigo,meta_ejecutada"
        let missing = try parse([header, "2022,P01,5"])
        #expect(!missing.isImportable)
        #expect(
            errors(missing) == [
                "ejecucion.csv:2: campo «corte»: error: la meta ejecutada no dice a qué mes corresponde: indique "
                    + "--month o agregue una columna «corte»"
            ])
        let fromOption = try parse([header, "2022,P01,5"], options: MetasImportOptions(mes: 4))
        #expect(fromOption.value.executed == [ExecutedGoal(ejercicio: 2022, code: "P01", mes: 4, cantidad: 5)])
        let fromColumn = try parse(["ejercicio,codigo,Ejecución física,Mes de corte", "2022,P01,2.5,abril"])
        #expect(fromColumn.value.executed == [ExecutedGoal(ejercicio: 2022, code: "P01", mes: 4, cantidad: 2.5)])
        let contradicting = try parse(
            ["ejercicio,codigo,ejecutado,corte", "2022,P01,5,4"], options: MetasImportOptions(mes: 8))
        #expect(
            errors(contradicting) == [
                "ejecucion.csv:2: campo «corte»: error: el mes de corte 4 del archivo no coincide con --month 8"
            ])
    }

    @Test("an unreadable executed quantity is an error with file, line and field, and nothing is imported")
    func badValue() throws {
        let parsed = try parse(["ejercicio,codigo,meta_ejecutada,corte", "2022,P01,5,8", "2022,P02,cinco,8"])
        #expect(!parsed.isImportable)
        #expect(
            errors(parsed) == [
                "ejecucion.csv:3: campo «meta_ejecutada»: error: «cinco» no es una cantidad numérica"
            ])
        let percent = try parse(["ejercicio,codigo,ejecutado,corte", "2022,P01,57 %,8"])
        #expect(
            errors(percent) == [
                "ejecucion.csv:2: campo «ejecutado»: error: «57 %» es un porcentaje; se espera la cantidad ejecutada "
                    + "en la unidad de medida"
            ])
    }

    @Test("monthly columns: the cut-off is the last month with data; months after --month are refused")
    func monthlyColumns() throws {
        let parsed = try parse(["ejercicio,codigo,enero,febrero,marzo", "2022,P01,1,2,", "2022,P02,3,,4"])
        #expect(
            parsed.value.executed == [
                ExecutedGoal(ejercicio: 2022, code: "P01", mes: 3, cantidad: 3),
                ExecutedGoal(ejercicio: 2022, code: "P02", mes: 3, cantidad: 7),
            ])
        let late = try parse(["ejercicio,codigo,enero,febrero,marzo", "2022,P01,1,2,1"], options: .init(mes: 2))
        #expect(
            errors(late) == [
                "ejecucion.csv:2: campo «marzo»: error: la columna «marzo» tiene ejecución (1) posterior al mes de "
                    + "corte (2)"
            ])
        let disagreeing = try parse(["ejercicio,codigo,enero,febrero,meta_ejecutada", "2022,P01,1,2,4"])
        #expect(
            errors(disagreeing) == [
                "ejecucion.csv:2: campo «meta_ejecutada»: error: la ejecución acumulada 4 no es la suma de los "
                    + "meses hasta el corte (3)"
            ])
    }

    @Test("a planned metas file may carry executed goals; a file without them has none")
    func plannedWithExecuted() throws {
        let header = MetasImporterTests.header + ",meta_ejecutada,corte"
        let parsed = try parse([header, MetasImporterTests.product + ",40,4"])
        #expect(parsed.isImportable, "\(parsed.diagnostics)")
        #expect(parsed.value.products.count == 1)
        #expect(parsed.value.executed == [ExecutedGoal(ejercicio: 2022, code: "P01", mes: 4, cantidad: 40)])
        let plain = try MetasImporter.parse(try FixtureFile.url("metas/metas-sosep-2022.csv"))
        #expect(plain.value.executed.isEmpty)
    }

    @Test("the same code twice at the same cut-off is refused; without ejercicio --year supplies it")
    func duplicatesAndYear() throws {
        let duplicate = try parse(["ejercicio,codigo,ejecutado,corte", "2022,P01,5,8", "2022,P01,6,8"])
        #expect(
            errors(duplicate) == [
                "ejecucion.csv:3: campo «codigo»: error: el código «P01» del ejercicio 2022 ya tiene ejecución al "
                    + "mes 8 (en la línea 2)"
            ])
        let noYear = try parse(["codigo,ejecutado", "P01,5"], options: .init(ejercicio: 2023, mes: 2))
        #expect(noYear.value.executed == [ExecutedGoal(ejercicio: 2023, code: "P01", mes: 2, cantidad: 5)])
    }

    @Test("a JSON document of executed goals alone is read like the CSV form")
    func jsonExecutedOnly() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(
            "ejecucion.json",
            text: #"{"ejercicio": 2022, "productos": [{"codigo": "P02", "meta_ejecutada": "11,200", "corte": 8}]}"#)
        let parsed = try MetasImporter.parse(url)
        #expect(parsed.isImportable, "\(parsed.diagnostics)")
        #expect(parsed.value.executed == [ExecutedGoal(ejercicio: 2022, code: "P02", mes: 8, cantidad: 11_200)])
    }

    @Test("title rows a SIGES export prints above the header without «#» are skipped; data lines keep their numbers")
    func titleRowsWithoutHash() throws {
        let parsed = try parse([
            "SECRETARÍA DE OBRAS SOCIALES DE LA ESPOSA DEL PRESIDENTE",
            "Reporte de seguimiento de metas;;;",
            "",
            "Corte:;agosto 2022;;",
            "Ejercicio;Código;Meta ejecutada;Corte",
            "2022;P02;11,200;8",
            "2022;P05-02;64;8",
        ])
        #expect(parsed.isImportable, "\(parsed.diagnostics)")
        #expect(
            parsed.value.executed == [
                ExecutedGoal(ejercicio: 2022, code: "P02", mes: 8, cantidad: 11_200),
                ExecutedGoal(ejercicio: 2022, code: "P05-02", mes: 8, cantidad: 64),
            ])
        let bad = try parse(["Reporte de seguimiento", "ejercicio;codigo;meta_ejecutada;corte", "2022;P02;once;8"])
        #expect(
            errors(bad) == [
                "ejecucion.csv:3: campo «meta_ejecutada»: error: «once» no es una cantidad numérica"
            ])
    }
}
