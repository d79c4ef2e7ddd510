import Domain
import Formats
import Foundation
import Importers
import TestSupport
import Testing

struct ExecutionImporterTests {
    static let header =
        "EJERCICIO;ENTIDAD;UNIDAD EJECUTORA;PROGRAMA;SUBPROGRAMA;PROYECTO;ACTIVIDAD;OBRA;RENGLÓN;FUENTE;UBICACIÓN GEOGRÁFICA;ASIGNADO;MODIFICADO;VIGENTE;COMPROMETIDO;DEVENGADO;PAGADO"
    static let good =
        "2022;11130016;208;11;00;000;001;000;211;11;0101;1,000.00;500.00;1,500.00;1,200.00;1,000.00;900.00"
    static let other =
        "2022;11130016;208;11;00;000;001;000;029;11;0101;2,000.00;0.00;2,000.00;2,000.00;1,500.00;1,500.00"

    private func read(_ lines: [String], name: String = "ejecucion.csv", options: ExecutionImportOptions = .init())
        throws -> ExecutionImport
    {
        let directory = try TemporaryDirectory()
        let url = try directory.write(name, text: lines.joined(separator: "\r\n") + "\r\n")
        return try ExecutionImporter.read(url, options: options)
    }

    private func errors(_ result: ExecutionImport) -> [Diagnostic] {
        result.diagnostics.filter { $0.severity == .error }
    }

    @Test(
        "reads SICOIN header variants: lowercase, underscores, TRASPASO_P/N, COMPROMISO, dev_ene; checks the TOTAL row")
    func sicoinVariants() throws {
        let result = try ExecutionImporter.read(try FixtureFile.url("ejecucion/sicoin-variantes.csv"))
        #expect(errors(result).isEmpty, "\(result.diagnostics)")
        let snapshot = try #require(result.snapshot)
        #expect(snapshot.lines.count == 2)
        #expect(result.totalsRows == 1)
        let food = try #require(snapshot.lines.first { $0.key.renglon.rawValue == "211" })
        #expect(
            food.key.structure
                == BudgetStructure(entidad: "11130016", unidadEjecutora: "208", programa: "11", actividad: "001"))
        #expect(food.key.ubicacionGeografica == "0101")
        #expect(food.names["renglon"] == "Alimentos para personas")
        #expect(food.amounts.modificado == Money(quetzales: 30_000))
        #expect(food.amounts.comprometido == Money(quetzales: 900_000))
        #expect(food.amounts.devengadoMensual == [1: Money(quetzales: 300_000), 2: Money(quetzales: 500_000)])
        #expect(try snapshot.total.vigente == Money(quetzales: 1_530_000))
        #expect(snapshot.cutoff == ExecutionCutoff(ejercicio: 2022))
    }

    @Test("reads Latin-1 with ';' and thousands commas, and the cut-off month from the options")
    func latin1Semicolon() throws {
        let directory = try TemporaryDirectory()
        let text = [Self.header, Self.good].joined(separator: "\r\n") + "\r\n"
        let url = try directory.write("latin1.csv", Data(text.unicodeScalars.map { UInt8($0.value) }))
        let result = try ExecutionImporter.read(url, options: ExecutionImportOptions(mes: 4))
        #expect(errors(result).isEmpty, "\(result.diagnostics)")
        #expect(result.formatDescription.contains("Latin-1"))
        #expect(result.snapshot?.lines.first?.amounts.vigente == Money(quetzales: 1_500))
        #expect(result.snapshot?.cutoff.sortDate == "2022-04-30")
    }

    @Test(
        "reads MINFIN CKAN JSON: numeric codes get their zeros back, signed modificado, central and municipal entities")
    func ckan() throws {
        let result = try ExecutionImporter.read(try FixtureFile.url("ejecucion/ckan-datastore.json"))
        #expect(errors(result).isEmpty, "\(result.diagnostics)")
        let lines = try #require(result.snapshot?.lines)
        #expect(lines.count == 3)
        let dietas = try #require(lines.first { $0.key.renglon.rawValue == "062" })
        #expect(dietas.key.renglon.grupo.rawValue == "000")
        #expect(
            dietas.key.structure.programa == "01" && dietas.key.structure.actividad == "001"
                && dietas.key.structure.subprograma == "00")
        #expect(dietas.amounts.modificado == Money(centavos: -2_000_050))
        #expect(dietas.amounts.vigente == Money(centavos: 9_999_950))
        #expect(dietas.amounts.comprometido == nil)
        #expect(
            dietas.names["entidad"] == "SECRETARÍAS Y OTRAS DEPENDENCIAS DEL EJECUTIVO", "doubly-encoded name repaired")
        #expect(Set(lines.map(\.key.structure.entidad)) == ["11130016", "12100401"])
        // 062 is a valid code the bundled catalog does not name: a warning, not an error.
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.line == 1 && $0.message.contains("062") })
    }

    @Test("a lone UTF-16 surrogate flags the record and keeps its numbers")
    func loneSurrogate() throws {
        let result = try ExecutionImporter.read(try FixtureFile.url("ejecucion/ckan-datastore.json"))
        let flagged = result.diagnostics.filter { $0.severity == .warning && $0.line == 2 && $0.field == "programa" }
        #expect(flagged.count == 1)
        let line = try #require(result.snapshot?.lines.first { $0.sourceLine == 2 })
        #expect(line.names["programa"] == "SERVICIOS P\u{FFFD}BLICOS")
        #expect(line.amounts.pagado == Money(centavos: 399_999))
    }

    @Test("refuses a truncated CKAN page unless told to accept it")
    func truncatedPage() throws {
        let url = try FixtureFile.url("ejecucion/ckan-truncado.json")
        #expect(throws: ImportError.self) { try ExecutionImporter.read(url) }
        do {
            _ = try ExecutionImporter.read(url)
        } catch let error as ImportError {
            #expect(error.localizedDescription.contains("2 registros de un total de 32000"))
        }
        let accepted = try ExecutionImporter.read(url, options: ExecutionImportOptions(allowPartialPage: true))
        #expect(accepted.snapshot?.lines.count == 2)
        #expect(accepted.diagnostics.contains { $0.severity == .warning && $0.message.contains("página parcial") })
    }

    @Test("refuses a revenue (ingresos) file with a clear message")
    func revenue() throws {
        let url = try FixtureFile.url("ejecucion/ckan-ingresos.json")
        do {
            _ = try ExecutionImporter.read(url)
            Issue.record("a revenue file must be refused")
        } catch let error as ImportError {
            #expect(error.localizedDescription.contains("es un archivo de ingresos"))
        }
    }

    @Test("unknown renglón is a warning; a malformed one is an error with file, line and field")
    func renglones() throws {
        let unknown = try read([Self.header, Self.good.replacingOccurrences(of: ";211;", with: ";064;")])
        #expect(errors(unknown).isEmpty)
        #expect(unknown.diagnostics.contains { $0.severity == .warning && $0.field == "RENGLÓN" && $0.line == 2 })
        #expect(unknown.snapshot?.lines.count == 1)

        let malformed = try read([Self.header, Self.good.replacingOccurrences(of: ";211;", with: ";21A;")])
        let error = try #require(errors(malformed).first)
        #expect(
            error.description
                == "ejecucion.csv:2: campo «RENGLÓN»: error: «21A» no es un renglón: debe tener tres dígitos (p. ej. 011, 211)"
        )
        #expect(malformed.snapshot?.lines.isEmpty == true)

        let heading = try read([Self.header, Self.good.replacingOccurrences(of: ";211;", with: ";210;")])
        #expect(errors(heading).first?.message.contains("es un código de grupo o subgrupo") == true)
    }

    @Test("a non-numeric amount is an error naming the column")
    func nonNumeric() throws {
        let result = try read([Self.header, Self.good.replacingOccurrences(of: ";900.00", with: ";novecientos")])
        let error = try #require(errors(result).first)
        #expect(error.line == 2 && error.field == "PAGADO")
        #expect(error.message.contains("«novecientos» no es un monto válido"))
    }

    @Test("devengado above vigente is an error")
    func devengadoAboveVigente() throws {
        let result = try read([
            Self.header,
            "2022;11130016;208;11;00;000;001;000;211;11;0101;1,000.00;0.00;1,000.00;1,000.00;1,200.00;900.00",
        ])
        #expect(
            errors(result).contains { $0.field == "DEVENGADO" && $0.message.contains("supera el vigente Q1,000.00") })
    }

    @Test("vigente that is not asignado plus modificaciones is an error")
    func vigenteArithmetic() throws {
        let result = try read([
            Self.header, Self.good.replacingOccurrences(of: ";500.00;1,500.00;", with: ";400.00;1,500.00;"),
        ])
        #expect(errors(result).contains { $0.field == "VIGENTE" && $0.message.contains("≠ asignado") })
    }

    @Test("a duplicate budget line in one file is an error pointing at the first occurrence")
    func duplicate() throws {
        let result = try read([Self.header, Self.good, Self.other, Self.good])
        let error = try #require(errors(result).first)
        #expect(error.line == 4)
        #expect(error.message.contains("duplicada") && error.message.contains("línea 2"))
    }

    @Test("a totals row that does not equal the detail is a file-level error")
    func totalsMismatch() throws {
        let total = "TOTAL;;;;;;;;;;;3,000.00;;3,500.00;;2,500.00;2,400.00"
        let ok = try read([Self.header, Self.good, Self.other, total])
        #expect(errors(ok).isEmpty, "\(ok.diagnostics)")
        #expect(ok.totalsRows == 1 && ok.rowsRead == 2)

        let bad = try read([
            Self.header, Self.good, Self.other, total.replacingOccurrences(of: "3,500.00", with: "3,600.00"),
        ])
        let error = try #require(errors(bad).first)
        #expect(bad.hasFileLevelErrors)
        #expect(error.line == 4 && error.field == "VIGENTE")
        #expect(error.message.contains("dice Q3,600.00 pero las 2 filas de detalle que resume suman Q3,500.00"))
    }

    @Test("an unreadable detail row makes the totals unverifiable, a warning, so --allow-rejects can import the rest")
    func totalsWithUnreadableRow() throws {
        let total = "TOTAL;;;;;;;;;;;3,000.00;;3,500.00;;2,500.00;2,400.00"
        let unreadable = Self.other.replacingOccurrences(of: ";029;", with: ";02X;")
        let result = try read([Self.header, Self.good, unreadable, total])
        #expect(!result.hasFileLevelErrors, "only the bad row is an error: \(result.diagnostics)")
        #expect(errors(result).count == 1)
        #expect(errors(result).first?.line == 3)
        #expect(
            result.diagnostics.contains {
                $0.severity == .warning && $0.line == 4 && $0.message.contains("no se puede verificar")
            })
    }

    @Test("a CKAN envelope too large to read whole is refused before reading, with advice")
    func hugeCKANFile() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("pagina.json", text: "{\"success\": true, \"result\": {\"records\": [")
        // A sparse file: its size is what counts, and it costs no disk.
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(128 << 20) + 1)
        try handle.close()
        do {
            _ = try ExecutionImporter.read(url)
            Issue.record("expected the file to be refused")
        } catch let error as FormatsError {
            #expect(error.errorDescription?.contains("se lee entero (límite 128 MB)") == true)
        }
    }

    @Test("subtotal rows with codes sum only the rows with those codes")
    func subtotals() throws {
        let otherActivity = Self.other.replacingOccurrences(of: ";001;000;029;", with: ";002;000;029;")
        let subtotal = "SUBTOTAL;11130016;208;11;00;000;001;000;;;;1,000.00;;1,500.00;;1,000.00;900.00"
        let result = try read([Self.header, Self.good, otherActivity, subtotal])
        #expect(errors(result).isEmpty, "\(result.diagnostics)")
        let wrong = try read([
            Self.header, Self.good, otherActivity, subtotal.replacingOccurrences(of: ";001;000;;", with: ";002;000;;"),
        ])
        #expect(!errors(wrong).isEmpty)
    }

    @Test("a year the renglón catalog does not cover is a file-level error")
    func uncoveredYear() throws {
        let result = try read([Self.header, Self.good.replacingOccurrences(of: "2022;", with: "2008;")])
        #expect(result.hasFileLevelErrors)
        #expect(errors(result).contains { $0.field == "EJERCICIO" && $0.message.contains("2008 no está cubierto") })
    }

    @Test("a file mixing years is refused")
    func mixedYears() throws {
        let result = try read([Self.header, Self.good, Self.other.replacingOccurrences(of: "2022;", with: "2021;")])
        #expect(result.hasFileLevelErrors)
    }

    @Test("a file without required columns is refused naming them")
    func missingColumns() throws {
        #expect(throws: ImportError.self) {
            try read(["EJERCICIO;ENTIDAD;PROGRAMA;ACTIVIDAD;RENGLON;VIGENTE", "2022;11130016;11;001;211;100.00"])
        }
    }

    @Test("a decimal-comma file is read as such, decided once for the file")
    func decimalComma() throws {
        let line = "2022;11130016;208;11;00;000;001;000;211;11;0101;1.000,00;500,00;1.500,00;1.200,00;1.000,00;900,00"
        let result = try read([Self.header, line])
        #expect(errors(result).isEmpty, "\(result.diagnostics)")
        #expect(result.snapshot?.lines.first?.amounts.vigente == Money(quetzales: 1_500))
    }

    @Test("reads the MINFIN open-data CSV download: camelCase headers, codes without leading zeros, signed modificado")
    func minfinCSV() throws {
        let result = try read(
            [
                "ejercicio,codigoEntidad,entidad,codigoFuente,codigoRenglon,renglon,codigoPrograma,codigoSubPrograma,codigoProyecto,codigoActividad,codigoObra,asignado,modificado,vigente,devengado,pagado",
                "2022,12100401,MUNICIPALIDAD DE CHIMALTENANGO,22,29,OTRAS REMUNERACIONES,11,0,0,2,0,1000,-250.5,749.5,700,650.25",
            ], name: "minfin.csv")
        #expect(errors(result).isEmpty, "\(result.diagnostics)")
        let line = try #require(result.snapshot?.lines.first)
        #expect(
            line.key.renglon.rawValue == "029" && line.key.structure.programa == "11"
                && line.key.structure.actividad == "002")
        #expect(line.key.structure.entidad == "12100401" && line.names["entidad"] == "MUNICIPALIDAD DE CHIMALTENANGO")
        #expect(line.amounts.modificado == Money(centavos: -25_050))
    }

    @Test(
        "broken JSON is refused with a position, never a crash",
        arguments: [
            "{\"success\": true, \"result\": {\"records\": [{\"codigoRenglon\": 62",
            "[{\"a\": \"\\udc81\\ud800\"}, 1e999, ",
            String(repeating: "[", count: 5000),
            "\u{FF}\u{FE}garbage",
        ])
    func brokenJSON(text: String) throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("roto.json", text: text)
        #expect(throws: ImportError.self) { try ExecutionImporter.read(url) }
    }
}
