import Domain
import Foundation
import Ledger
import TestSupport
import Testing

/// A NOG page with bytes that do not decode, through the built binary: never read as another charset, never
/// stored over good data, and no libxml2 English on stderr.
struct NOGPageCharsetEndToEndTests {
    static let sample = BinaryRunner.samples.appendingPathComponent("compras/nog-17471637.html")

    @Test(
        "a stray 0x8D in a comment imports the page as UTF-8; one in a value is refused with exit 2 and the good data stays"
    )
    func strayBytes() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        #expect(try runner.run(["init"]).status == 0)
        let original = try Data(contentsOf: Self.sample)

        var inComment = original
        inComment.insert(0x8D, at: inComment.startIndex + 10)
        let commentFile = try directory.write("comentario.html", inComment)
        let imported = try runner.run(["import", "nog-html", commentFile.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            !imported.stderr.contains("encoding error") && !imported.stderr.contains("input conversion failed"),
            "\(imported.stderr)")
        let ledger = try Ledger.open(path: directory.file("transparencia.sqlite").path)
        let good = try #require(try ledger.procurement(nog: "17471637"))
        #expect(good.buyerEntityName == "SECRETARÍA DE OBRAS SOCIALES DE LA ESPOSA DEL PRESIDENTE")
        #expect(good.modalityCode != nil)
        #expect(!good.awards.isEmpty)

        let text = String(decoding: original, as: UTF8.self)
        let marker = try #require(text.range(of: "SECRETARÍA DE OBRAS"))
        let damaged = Data(text[..<marker.lowerBound].utf8) + Data([0x8D]) + Data(text[marker.lowerBound...].utf8)
        let valueFile = try directory.write("valor.html", damaged)
        let refused = try runner.run(["import", "nog-html", valueFile.path])
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("valor.html:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("no son texto en UTF-8"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("encoding error"), "\(refused.stderr)")
        #expect(try ledger.procurement(nog: "17471637") == good, "the refused page changed nothing")
    }
}
