import Foundation
import Formats
import Testing

struct HTMLDocumentTests {
    @Test("parses a page and finds elements and text through XPath")
    func smoke() throws {
        let html = """
            <html><body><div id="d"><div class="col EtiquetaForm3">NOG:&nbsp;</div>
            <div class="EtiquetaInfo">  17284561 </div></div>
            <table><tr>\r\n<td>2016<br />EVENTO</td><td>x</td></tr></table><script>var a = "<td>no</td>";</script></body></html>
            """
        let texts = try HTMLDocument.withDocument(Data(html.utf8), file: "p.html") { page in
            let label = try #require(try page.first("//div[contains(@class,'EtiquetaForm3')]"))
            #expect(label.hasClass("EtiquetaForm3"))
            #expect(!label.hasClass("Etiqueta"))
            #expect(label.text == "NOG:")
            #expect(label.nextElementSibling?.text == "17284561")
            let cells = try page.select("//table/tr/td")
            #expect(cells.count == 2)
            #expect(cells.first?.parent?.elementChildren.count == 2)
            return cells.map(\.text)
        }
        #expect(texts == ["2016 EVENTO", "x"])
    }

    @Test("encoding is decided by the bytes: UTF-8 without meta, windows-1252 otherwise", arguments: [
        (Data("<p>Ó</p>".utf8), "UTF-8"),
        (Data([0x3C, 0x70, 0x3E, 0xD3, 0x4E, 0x93, 0x3C, 0x2F, 0x70, 0x3E]), "windows-1252"),
        (Data("<meta charset=\"windows-1252\"><p>Ó</p>".utf8), "UTF-8"),
        (Data([0xFF, 0xFE, 0x3C, 0x00]), "UTF-16LE"),
    ])
    func charset(data: Data, expected: String) {
        #expect(HTMLCharset.detect(data) == expected)
    }

    @Test("a windows-1252 page reads with its accents and curly quotes")
    func windows1252() throws {
        let bytes: [UInt8] = Array("<p>".utf8) + [0xD3, 0x93, 0x4E, 0x94] + Array("</p>".utf8)
        let text = try HTMLDocument.withDocument(Data(bytes), file: "p.html") { page in
            try page.first("//p")?.text
        }
        #expect(text == "Ó“N”")
    }

    @Test("NUL bytes, empty pages, huge pages and pathological nesting are refused")
    func hostile() throws {
        #expect(throws: FormatsError.self) {
            try HTMLDocument.withDocument(Data("<p>a\0b</p>".utf8), file: "p.html") { _ in () }
        }
        #expect(throws: FormatsError.self) {
            try HTMLDocument.withDocument(Data("  \n".utf8), file: "p.html") { _ in () }
        }
        var small = HTMLDocument.Limits()
        small.maxBytes = 100
        #expect(throws: FormatsError.self) {
            try HTMLDocument.withDocument(Data(String(repeating: "<p>x</p>", count: 50).utf8), file: "p.html", limits: small) { _ in () }
        }
        let deep = String(repeating: "<div>", count: 20_000) + "x" + String(repeating: "</div>", count: 20_000)
        let error = try #require(throws: FormatsError.self) {
            try HTMLDocument.withDocument(Data(deep.utf8), file: "p.html") { _ in () }
        }
        #expect(error.errorDescription?.contains("anidamiento") == true)
    }
}
