import Domain
import Foundation
import TestSupport
import Testing

@testable import Importers

/// Imports hand execution lines over one at a time, as they are read, instead of keeping them.
struct ExecutionStreamingTests {
    private static let header = ExecutionImporterTests.header.split(separator: ";").map(String.init)

    /// Detail row `index` of a synthetic file: distinct actividad and renglón, so no duplicates.
    private static func row(_ index: Int) -> [String] {
        let renglones = ["011", "029", "211", "241", "262", "291"]
        return [
            "2022", "11130016", "208", "11", "00", "000", String(format: "%03d", index / renglones.count), "000",
            renglones[index % renglones.count], "11", "0101", "100.00", "0.00", "100.00", "80.00", "50.00", "40.00",
        ]
    }

    @Test("each valid line reaches the closure as soon as its row is read, before the file is finished")
    func linesArriveWhileReading() throws {
        let total = 600
        var handedOut = 0
        var handedOutAtDelivery: [Int] = []
        let scan = try ExecutionImporter.readRows(
            header: Self.header, file: "sintetico.csv", options: ExecutionImportOptions(), format: "prueba",
            rows: ExecutionRowSink(totalsFilters: [], each: { _ in handedOutAtDelivery.append(handedOut) })
        ) {
            guard handedOut < total else { return nil }
            handedOut += 1
            return (Self.row(handedOut - 1), handedOut + 1)
        }
        #expect(scan.linesAccepted == total)
        #expect(handedOutAtDelivery.count == total)
        // The first rows wait only for the number-style sample; after it, one row read means one line delivered.
        let first = try #require(handedOutAtDelivery.first)
        #expect(first <= ExecutionImporter.styleSample)
        #expect(handedOutAtDelivery[400] == 401)
        #expect(handedOutAtDelivery.last == total)
    }

    @Test("a scan counts and sums the lines like a full read, and holds no line")
    func scanHoldsNoLines() throws {
        let directory = try TemporaryDirectory()
        let text = ([Self.header.joined(separator: ";")] + (0..<50).map { Self.row($0).joined(separator: ";") })
            .joined(separator: "\r\n")
        let url = try directory.write("ejecucion.csv", text: text)
        let scan = try ExecutionImporter.scan(url)
        let full = try ExecutionImporter.read(url)
        let snapshot = try #require(full.snapshot)
        #expect(scan.linesAccepted == 50 && snapshot.lines.count == 50)
        #expect(try scan.total == snapshot.total)
        #expect(scan.cutoff == snapshot.cutoff)
        #expect(scan.diagnostics == full.diagnostics)
        // Compared by type: an empty array of any element casts to [BudgetLine].
        let heldTypes = Mirror(reflecting: scan).children.map { ObjectIdentifier(type(of: $0.value)) }
        #expect(!heldTypes.contains(ObjectIdentifier([BudgetLine].self)))
        #expect(!heldTypes.contains(ObjectIdentifier(ExecutionSnapshot.self)))
        #expect(!heldTypes.contains(ObjectIdentifier(ExecutionSnapshot?.self)))
        var streamed: [BudgetLine] = []
        let streamedScan = try ExecutionImporter.stream(url) { streamed.append($0) }
        #expect(streamed == snapshot.lines)
        #expect(streamedScan == scan)
    }

    @Test("a coded subtotal row is checked against detail rows below it too; each line is still handed over once")
    func codedSubtotalBeforeItsRows() throws {
        let directory = try TemporaryDirectory()
        let good = ExecutionImporterTests.good
        let otherActivity = ExecutionImporterTests.other.replacingOccurrences(
            of: ";001;000;029;", with: ";002;000;029;")
        let subtotal = "SUBTOTAL;11130016;208;11;00;000;002;000;;;;2,000.00;;2,000.00;;1,500.00;1,500.00"
        let url = try directory.write(
            "ejecucion.csv",
            text: [ExecutionImporterTests.header, good, subtotal, otherActivity]
                .joined(separator: "\r\n"))
        let scan = try ExecutionImporter.scan(url)
        #expect(!scan.hasErrors, "\(scan.diagnostics)")
        #expect(scan.totalsRows == 1 && scan.linesAccepted == 2)
        var streamed = 0
        _ = try ExecutionImporter.stream(url) { _ in streamed += 1 }
        #expect(streamed == 2)

        let wrongURL = try directory.write(
            "mal.csv",
            text: [
                ExecutionImporterTests.header, good,
                subtotal.replacingOccurrences(of: "1,500.00;1,500.00", with: "1,600.00;1,500.00"), otherActivity,
            ]
            .joined(separator: "\r\n"))
        let wrong = try ExecutionImporter.scan(wrongURL)
        #expect(wrong.hasFileLevelErrors)
        #expect(
            wrong.diagnostics.contains {
                $0.line == 3 && $0.message.contains("las 1 filas de detalle que resume suman Q1,500.00")
            })
    }

    @Test("packed keys are exact: 0 and an empty code differ; codes too long to pack still catch duplicates")
    func packedKeys() throws {
        let base = BudgetKey(
            ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
            proyecto: "000",
            actividad: "001", obra: "000", renglon: try #require(Renglon(rawValue: "211")), fuente: "11",
            ubicacionGeografica: "0101")
        var empty = base
        empty.ubicacionGeografica = ""
        var zero = base
        zero.ubicacionGeografica = "0"
        #expect(CompactBudgetKey(base) == CompactBudgetKey(base))
        #expect(CompactBudgetKey(empty) != nil && CompactBudgetKey(empty) != CompactBudgetKey(zero))
        var long = base
        long.structure.entidad = "111300161113001611130016"
        #expect(CompactBudgetKey(long) == nil)

        let directory = try TemporaryDirectory()
        let row = ExecutionImporterTests.good.replacingOccurrences(of: "11130016", with: "111300161113001611130016")
        let url = try directory.write(
            "largo.csv", text: [ExecutionImporterTests.header, row, row].joined(separator: "\r\n"))
        let scan = try ExecutionImporter.scan(url)
        #expect(scan.linesAccepted == 1 && scan.rowsRejected == 1)
        #expect(
            scan.diagnostics.contains {
                $0.line == 3 && $0.message.contains("duplicada: la misma clave ya está en la línea 2")
            })
    }
}
