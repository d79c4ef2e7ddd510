import Domain
import Foundation
import TestSupport
import Testing

@testable import Formats
@testable import Importers

/// A small flattened workbook written as flatten-tool writes it: a main sheet and child sheets joined on the
/// release id, every sheet in the order of the releases.
struct FlatWorkbook {
    var sheets: [(String, String)] = [
        (
            "releases.csv",
            """
            id,ocid,date,tag,tender/id,tender/title,tender/statusDetails,buyer/name
            R1,ocds-xqjsxa-16000001,2022-03-10T10:00:00-06:00,compiled,GT-NOG-16000001,COMPRA UNO,Adjudicado,SOSEP
            R2,ocds-xqjsxa-16000002,2022-03-11T10:00:00-06:00,compiled,GT-NOG-16000002,COMPRA DOS,Vigente,SOSEP
            R3,ocds-xqjsxa-16000003,2022-03-12T10:00:00-06:00,compiled,GT-NOG-16000003,COMPRA TRES,Adjudicado,SOSEP

            """
        ),
        (
            "awards.csv",
            """
            id,awards/0/id,awards/0/status,awards/0/value/amount,awards/0/value/currency
            R1,A1,active,100.50,GTQ
            R1,A2,active,200,GTQ
            R3,A3,active,300,GTQ

            """
        ),
        (
            "awa_suppliers.csv",
            """
            id,awards/0/id,awards/0/suppliers/0/id,awards/0/suppliers/0/name
            R1,A1,GT-NIT-1,UNO
            R1,A2,GT-NIT-2,DOS
            R3,A3,GT-GCID-CO-0D13,TRES

            """
        ),
        (
            "parties.csv",
            """
            id,parties/0/id,parties/0/name,parties/0/identifier/scheme,parties/0/identifier/id,parties/0/roles
            R1,GT-NIT-1,UNO,GT-NIT,1,tenderer;supplier

            """
        ),
    ]

    /// Changes the lines of one sheet (the header is the first).
    mutating func edit(_ sheet: String, _ change: (inout [String]) -> Void) {
        guard let index = sheets.firstIndex(where: { $0.0 == sheet }) else { return }
        var lines = sheets[index].1.components(separatedBy: "\n").filter { !$0.isEmpty }
        change(&lines)
        sheets[index].1 = lines.joined(separator: "\n") + "\n"
    }

    func zip(in directory: TemporaryDirectory, name: String = "aplanado.zip") throws -> URL {
        let url = directory.file(name)
        try writeZip(sheets.map { ($0.0, Data($0.1.utf8)) }, to: url)
        return url
    }
}

struct OCDSFlattenedJoinTests {
    private func read(_ workbook: FlatWorkbook) throws -> OCDSReadResult {
        let directory = try TemporaryDirectory()
        return try readOCDS(try workbook.zip(in: directory))
    }

    @Test("child rows join their release by id; list elements merge by id; `;` cells become lists")
    func joins() throws {
        let result = try read(FlatWorkbook())
        #expect(result.rejects.isEmpty, "\(result.rejects)")
        #expect(result.warnings.filter { $0.severity != .info }.isEmpty, "\(result.warnings)")
        #expect(result.procurements.map(\.nog) == ["16000001", "16000002", "16000003"])
        let first = result.procurements[0]
        #expect(first.awards.map(\.id) == ["A1", "A2"])
        #expect(first.awards.map(\.supplier.partyID) == ["GT-NIT-1", "GT-NIT-2"])
        #expect(first.awards.map(\.amount) == [Money(centavos: 10_050), Money(centavos: 20_000)])
        #expect(first.parties.map(\.roles) == [["tenderer", "supplier"]])
        #expect(result.procurements[1].awards.isEmpty)
        #expect(result.procurements[2].awards.map(\.supplier.identifier) == ["CO-0D13"])
        #expect(result.locations.map(\.line) == [2, 3, 4])
        #expect(result.locations.first?.file == "aplanado.zip:releases.csv")
    }

    @Test("a child sheet sorted by hand (out of the releases' order) still joins, read whole in memory")
    func outOfOrder() throws {
        var workbook = FlatWorkbook()
        workbook.edit("awards.csv") { lines in lines = [lines[0]] + lines.dropFirst().reversed() }
        workbook.edit("awa_suppliers.csv") { lines in lines = [lines[0]] + lines.dropFirst().reversed() }
        let sorted = try read(FlatWorkbook())
        let result = try read(workbook)
        #expect(result.rejects.isEmpty)
        #expect(result.procurements.map(\.awards.count) == [2, 0, 1])
        #expect(Set(result.procurements[0].awards.map(\.id)) == ["A1", "A2"])
        #expect(try result.procurements.map { try $0.awardedTotal } == sorted.procurements.map { try $0.awardedTotal })
        #expect(result.warnings.contains { $0.severity == .info && $0.message.contains("no siguen el orden") })
    }

    @Test("child rows of no release are left out with one warning naming the sheet, the count and the first line")
    func orphans() throws {
        var workbook = FlatWorkbook()
        workbook.edit("awards.csv") { lines in
            lines.insert("R9,A9,active,5,GTQ", at: 2)
            lines.append(",A0,active,7,GTQ")
        }
        let result = try read(workbook)
        #expect(result.rejects.isEmpty)
        #expect(result.procurements.map(\.awards.count) == [2, 0, 1])
        let warning = try #require(result.warnings.first)
        #expect(warning.file == "aplanado.zip:awards.csv" && warning.line == 3)
        #expect(warning.message.contains("2 fila(s) de «awards» no corresponden") && warning.message.contains("«R9»"))
    }

    @Test("a value stated twice differently keeps the first and warns at the release's row")
    func clash() throws {
        var workbook = FlatWorkbook()
        workbook.edit("awards.csv") { lines in lines.insert("R1,A1,active,999,GTQ", at: 2) }
        let result = try read(workbook)
        #expect(result.procurements[0].awards.first?.amount == Money(centavos: 10_050))
        let warning = try #require(result.warnings.first)
        #expect(warning.file == "aplanado.zip:releases.csv" && warning.line == 2)
        #expect(warning.message.contains("«awards/A1/value/amount»"))
    }

    @Test("a release whose main rows are not together is rejected at its second row")
    func scatteredMainRows() throws {
        var workbook = FlatWorkbook()
        workbook.edit("releases.csv") { lines in lines.append("R1,ocds-xqjsxa-16000001,,,,,,") }
        let result = try read(workbook)
        #expect(result.procurements.count == 3)
        let reject = try #require(result.rejects.first)
        #expect(reject.file == "aplanado.zip:releases.csv" && reject.line == 5 && reject.field == "ocid, id")
        #expect(reject.message.contains("«ocds-xqjsxa-16000001 R1» ya apareció"), "\(reject.message)")
        #expect(result.summary.rejected == 1)
    }

    @Test("a bad amount in a child sheet is rejected at the release's row, with the JSON path of the field")
    func badAmount() throws {
        var workbook = FlatWorkbook()
        workbook.edit("awards.csv") { lines in lines[1] = "R1,A1,active,doce,GTQ" }
        let result = try read(workbook)
        #expect(result.procurements.map(\.nog) == ["16000002", "16000003"])
        let reject = try #require(result.rejects.first)
        #expect(reject.file == "aplanado.zip:releases.csv" && reject.line == 2)
        #expect(reject.field == "awards[0].value.amount", "\(reject)")
        #expect(!reject.message.contains("byte"), "a byte offset means nothing in a sheet: \(reject.message)")
    }

    @Test("Latin-1 sheets separated by `;` (Excel in es-GT) are read")
    func latin1Semicolons() throws {
        var workbook = FlatWorkbook()
        for index in workbook.sheets.indices {
            workbook.sheets[index].1 = workbook.sheets[index].1.replacingOccurrences(of: ",", with: ";")
                .replacingOccurrences(of: "tenderer;supplier", with: "\"tenderer;supplier\"")
        }
        workbook.edit("releases.csv") { lines in
            lines[1] = lines[1].replacingOccurrences(of: "COMPRA UNO", with: "ADQUISICIÓN DE AÑIL")
        }
        let directory = try TemporaryDirectory()
        let url = directory.file("latin1.zip")
        try writeZip(
            workbook.sheets.map { name, text in
                (name, Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
            },
            to: url)
        let result = try readOCDS(url)
        #expect(result.rejects.isEmpty, "\(result.rejects)")
        #expect(result.procurements.first?.title == "ADQUISICIÓN DE AÑIL")
        #expect(result.procurements.first?.parties.first?.roles == ["tenderer", "supplier"])
        #expect(result.summary.shape.hasSuffix("Latin-1/Windows-1252)"))
    }

    @Test("the main sheet alone, as one CSV file, imports its releases")
    func singleCSV() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("releases.csv", text: FlatWorkbook().sheets[0].1)
        let result = try readOCDS(url)
        #expect(result.procurements.map(\.title) == ["COMPRA UNO", "COMPRA DOS", "COMPRA TRES"])
        #expect(result.summary.shape == "entregas aplanadas (CSV, hoja «releases» y 0 hoja(s) unidas, UTF-8)")
    }

    @Test("a sheet that cannot be joined is left out with a warning; the rest imports")
    func unjoinableSheet() throws {
        var workbook = FlatWorkbook()
        workbook.sheets.append(("notas.csv", "texto\nDescargado de Guatecompras\n"))
        let result = try read(workbook)
        #expect(result.procurements.count == 3)
        #expect(result.warnings.contains { $0.file == "aplanado.zip:notas.csv" && $0.message.contains("se ignora") })
    }

    @Test("headers written as titles (flatten-tool --use-titles) or a CSV of something else are refused whole")
    func notFlattenedOCDS() throws {
        let directory = try TemporaryDirectory()
        let titles = try directory.write("titulos.csv", text: "Release ID,Tender: Title\nR1,COMPRA\n")
        let error = try #require(throws: ImportError.self) { _ = try readOCDS(titles) }
        guard case .wrongKind(let file, _, let detail) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(file == "titulos.csv" && detail.contains("--use-titles"))
        let zip = directory.file("otro.zip")
        try writeZip([("datos.csv", Data("a,b\n1,2\n".utf8))], to: zip)
        #expect(throws: ImportError.self) { _ = try readOCDS(zip) }
        let flatterer = directory.file("flatterer.zip")
        try writeZip(
            [
                ("main.csv", Data("_link,id,ocid,tender_title\n1,R1,ocds-xqjsxa-1,X\n".utf8)),
                ("awards.csv", Data("_link,_link_main,id,value_amount\n1.a,1,A1,5\n".utf8)),
            ], to: flatterer)
        let refused = try #require(throws: ImportError.self) { _ = try readOCDS(flatterer) }
        #expect(refused.localizedDescription.contains("flatterer"))
    }

    @Test("releases of one ocid in several rows of a flattened release package are compiled into one procurement")
    func severalReleasesPerOcid() throws {
        var workbook = FlatWorkbook()
        workbook.edit("releases.csv") { lines in
            lines.append(
                "R4,ocds-xqjsxa-16000001,2022-04-01T10:00:00-06:00,contract,GT-NOG-16000001,,Finalizado adjudicado,")
        }
        let result = try read(workbook)
        #expect(result.procurements.map(\.nog) == ["16000001", "16000002", "16000003"])
        let compiled = result.procurements[0]
        #expect(compiled.status == "Finalizado adjudicado" && compiled.title == "COMPRA UNO")
        #expect(compiled.awards.count == 2)
        #expect(compiled.releaseIDs == ["R1", "R4"])
    }

    @Test("a records workbook joins a child row by the join columns it fills (an empty ocid, a compiledRelease/id)")
    func recordsWithEmptyOcid() throws {
        var workbook = FlatWorkbook()
        workbook.sheets = [
            (
                "records.csv",
                """
                ocid,compiledRelease/id,compiledRelease/ocid,compiledRelease/tender/id,compiledRelease/tender/title
                ocds-xqjsxa-16000001,C1,ocds-xqjsxa-16000001,GT-NOG-16000001,COMPRA UNO
                ocds-xqjsxa-16000002,C2,ocds-xqjsxa-16000002,GT-NOG-16000002,COMPRA DOS

                """
            ),
            (
                "com_awards.csv",
                """
                ocid,compiledRelease/id,compiledRelease/awards/0/id,compiledRelease/awards/0/value/amount
                ocds-xqjsxa-16000001,C1,A1,10
                ,C2,A2,20

                """
            ),
            (
                "com_awa_suppliers.csv",
                """
                ocid,compiledRelease/id,compiledRelease/awards/0/id,compiledRelease/awards/0/suppliers/0/id
                ocds-xqjsxa-16000001,C1,A1,GT-NIT-1
                ,C2,A2,GT-NIT-2

                """
            ),
            (
                "releases.csv",
                """
                ocid,releases/0/url
                ocds-xqjsxa-16000002,https://ocds.guatecompras.gt/release/GT-NOG-16000002-T1

                """
            ),
        ]
        let result = try read(workbook)
        #expect(
            result.rejects.isEmpty && result.warnings.filter { $0.severity == .warning }.isEmpty, "\(result.warnings)")
        #expect(
            try result.procurements.map { try $0.awardedTotal } == [Money(centavos: 1_000), Money(centavos: 2_000)])
        #expect(result.procurements.map(\.releaseIDs) == [[], ["GT-NOG-16000002-T1"]])
        #expect(result.summary.shape.hasPrefix("registros aplanados (CSV en ZIP, hoja «records» y 3 hoja(s) unidas"))
    }

    @Test("an empty sheet is ignored; a broken one stops the file naming the sheet inside the ZIP and its line")
    func brokenSheets() throws {
        var workbook = FlatWorkbook()
        workbook.sheets.append(("contracts.csv", ""))
        let result = try read(workbook)
        #expect(result.procurements.count == 3)
        #expect(
            result.warnings.contains { $0.file == "aplanado.zip:contracts.csv" && $0.message.contains("se ignora") })
        workbook.edit("awards.csv") { lines in lines[2] = "R1,A2,active,2\u{0}00,GTQ" }
        let error = try #require(throws: FormatsError.self) { _ = try read(workbook) }
        #expect(error.localizedDescription.hasPrefix("aplanado.zip:awards.csv:3:"), "\(error.localizedDescription)")
    }
}
