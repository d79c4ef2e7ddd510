import Foundation
import Testing

@testable import Domain

/// The catalogs compiled into the binary are the reviewed CSV files, byte for byte.
struct CatalogTextTests {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/Domain/Catalogs/csv").standardized

    @Test(
        "each generated catalog text equals its CSV, line endings aside (run Scripts/generate-catalogs after editing one)",
        arguments: [
            ("renglones.csv", CatalogText.renglones), ("grupos.csv", CatalogText.grupos),
            ("modalidades.csv", CatalogText.modalidades), ("fuentes.csv", CatalogText.fuentes),
            ("paises.csv", CatalogText.paises), ("palabras-con-tilde.txt", CatalogText.palabrasConTilde),
        ])
    func matchesCSV(name: String, text: String) throws {
        let file = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        // The CSVs end lines with CRLF (RFC 4180); a Swift string literal always ends them with LF.
        #expect(text + "\n" == file.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test("the compiled catalogs load without any resource bundle")
    func loads() {
        #expect(RenglonCatalog.bundled.name(of: Renglon(rawValue: "211")!) == "Alimentos para personas")
        #expect(ModalityCatalog.bundled.modality(code: "cotizacion") != nil)
    }
}
