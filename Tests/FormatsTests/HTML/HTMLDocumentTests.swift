import Formats
import Foundation
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

    @Test(
        "encoding is decided by the bytes: UTF-8 without meta, windows-1252 otherwise",
        arguments: [
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
            try HTMLDocument.withDocument(
                Data(String(repeating: "<p>x</p>", count: 50).utf8), file: "p.html", limits: small
            ) { _ in () }
        }
        let deep = String(repeating: "<div>", count: 20_000) + "x" + String(repeating: "</div>", count: 20_000)
        let error = try #require(throws: FormatsError.self) {
            try HTMLDocument.withDocument(Data(deep.utf8), file: "p.html") { _ in () }
        }
        #expect(error.errorDescription?.contains("anidamiento") == true)
    }
}

/// The charset of a page comes from its meta and the bytes of the whole page; text that does not decode is refused.
struct HTMLCharsetDamageTests {
    static let head = Array("<html><head><meta charset=\"utf-8\"><!-- generado ".utf8)
    static let middle = Array(
        " --></head><body><p id=\"e\">SECRETARÍA DE OBRAS SOCIALES</p><p id=\"m\">Licitación Pública".utf8)
    static let tail = Array("</p></body></html>".utf8)
    /// Where the stray byte sits when it is in a value.
    static var strayOffset: Int { head.count + middle.count }

    /// A UTF-8 page declaring UTF-8, with `stray` inserted in a comment (`inComment`) or in a value.
    static func page(stray: [UInt8], inComment: Bool) -> Data {
        return Data(inComment ? head + stray + middle + tail : head + middle + stray + tail)
    }

    @Test("a stray 0x8D inside a comment of a UTF-8 page does not make it windows-1252")
    func strayByteInComment() throws {
        let data = Self.page(stray: [0x8D], inComment: true)
        #expect(HTMLCharset.detect(data) == "UTF-8")
        let (entity, modality, ignored) = try HTMLDocument.withDocument(data, file: "p.html") { page in
            (try page.first("//p[@id='e']")?.text, try page.first("//p[@id='m']")?.text, page.ignoredBytes)
        }
        #expect(entity == "SECRETARÍA DE OBRAS SOCIALES")
        #expect(modality == "Licitación Pública")
        #expect(ignored == 1)
    }

    @Test("a byte that is not UTF-8 in the text of a UTF-8 page refuses the page with its line and byte")
    func strayByteInText() throws {
        let data = Self.page(stray: [0x8D], inComment: false)
        let error = try #require(throws: FormatsError.self) {
            try HTMLDocument.withDocument(data, file: "p.html") { _ in () }
        }
        guard case .htmlUndecodable(let file, let line, let offset, let encoding, let count) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(file == "p.html" && line == 1 && encoding == "UTF-8" && count == 1)
        #expect(offset == Self.strayOffset)
        #expect(error.errorDescription?.contains("no se importa para no guardar valores dañados") == true)
    }

    @Test("a windows-1252 page with an undefined byte (0x81) in its text is refused, in a comment it is ignored")
    func undefinedWindows1252() throws {
        let text: [UInt8] = Array("<p>".utf8) + [0xD3, 0x4E, 0x81] + Array("</p>".utf8)
        #expect(HTMLCharset.detect(Data(text)) == "windows-1252")
        #expect(throws: FormatsError.self) { try HTMLDocument.withDocument(Data(text), file: "p.html") { _ in () } }
        let comment: [UInt8] = Array("<!-- ".utf8) + [0x81] + Array(" --><p>".utf8) + [0xD3, 0x4E] + Array("</p>".utf8)
        let read = try HTMLDocument.withDocument(Data(comment), file: "p.html") { try $0.first("//p")?.text }
        #expect(read == "ÓN")
    }

    @Test("many invalid bytes and no UTF-8 sequence is windows-1252 even when the meta says UTF-8")
    func misdeclaredWindows1252() throws {
        let bytes: [UInt8] = Array("<meta charset=\"utf-8\"><p>".utf8) + [0x41, 0xF3, 0x6E, 0xE9] + Array("</p>".utf8)
        let read = try HTMLDocument.withDocument(Data(bytes), file: "p.html") {
            ($0.encoding, try $0.first("//p")?.text)
        }
        #expect(read.0 == "windows-1252" && read.1 == "Aóné")
    }

    @Test("an ISO-8859-15 page reads its euro sign")
    func latin9() throws {
        let bytes: [UInt8] = Array("<meta charset=\"iso-8859-15\"><p>".utf8) + [0xA4, 0x20, 0xE9] + Array("</p>".utf8)
        let read = try HTMLDocument.withDocument(Data(bytes), file: "p.html") {
            ($0.encoding, try $0.first("//p")?.text)
        }
        #expect(read.0 == "ISO-8859-15" && read.1 == "€ é")
    }
}
