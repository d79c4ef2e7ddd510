import Foundation
import TestSupport
import Testing

/// What a file carries reaches the terminal harmless through the built binary; CSV output keeps it as it is.
struct TerminalOutputEndToEndTests {
    @Test("ANSI escapes and U+202E from the data never reach the terminal in tables; CSV keeps them")
    func tables() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        let file = try directory.write(
            "compras.csv",
            text: """
                NOG CONCURSO;DESCRIPCION;MODALIDAD;ESTATUS;FECHA DE PUBLICACION;NIT;NOMBRE;MONTO
                16089638;\u{1B}[31mSILLAS\u{1B}[0m \u{1B}]0 titulo\u{7};Compra Directa;Adjudicado;25-01-2022;421450878;\u{202E}ASRIFRA;100.00

                """)
        let imported = try runner.run(["import", "compras", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let table = try runner.run(["report", "compras", "--year", "2022"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("SILLAS"))
        #expect(
            !table.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{7}" },
            "\(table.stdout)")
        let csv = try runner.run(["report", "adjudicaciones", "--year", "2022", "--format", "csv"])
        #expect(
            csv.stdout.contains("\u{1B}[31mSILLAS") && csv.stdout.contains("\u{202E}ASRIFRA"),
            "stored data is unchanged")
    }

    @Test("a line break or an escape inside a bad value cannot split or recolour a diagnostic line")
    func diagnostics() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        let file = try directory.write(
            "ejecucion.csv",
            text: """
                EJERCICIO,ENTIDAD,UNIDAD EJECUTORA,PROGRAMA,SUBPROGRAMA,PROYECTO,ACTIVIDAD,OBRA,RENGLON,FUENTE,ASIGNADO,MODIFICADO,VIGENTE,DEVENGADO,PAGADO
                2022,11130016,208,"01\nerror: falso",00,000,001,000,011,11,"1\u{1B}[2J",0.00,1.00,0.00,0.00

                """)
        let result = try runner.run(["import", "ejecucion", file.path])
        #expect(result.status == 2)
        #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{1B}" }, "\(result.stderr)")
        #expect(!result.stderr.contains("\nerror: falso"), "\(result.stderr)")
        #expect(result.stderr.contains("ejecucion.csv:2: campo «PROGRAMA»"), "\(result.stderr)")
    }
}
