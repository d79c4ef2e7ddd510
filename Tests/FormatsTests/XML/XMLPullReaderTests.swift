import Formats
import Foundation
import Testing

struct XMLPullReaderTests {
    private func events(_ xml: String, limits: XMLPullReader.Limits = .init()) throws -> [XMLPullReader.Event] {
        try XMLPullReader.withReader(Data(xml.utf8), file: "libro.xlsx", part: "xl/parte.xml", limits: limits) {
            reader in
            var result: [XMLPullReader.Event] = []
            while let event = try reader.next() { result.append(event) }
            return result
        }
    }

    @Test("streams elements with local names, attributes and text")
    func smoke() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:sheetData xmlns:x="urn:x"><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"/></x:row></x:sheetData>
            """
        let all = try events(xml)
        #expect(all.first == .start(name: "sheetData", attributes: [:], isEmpty: false))
        #expect(all.contains(.start(name: "c", attributes: ["r": "A1", "t": "s"], isEmpty: false)))
        #expect(all.contains(.start(name: "c", attributes: ["r": "B1"], isEmpty: true)))
        #expect(all.contains(.text("0")))
        #expect(all.last == .end(name: "sheetData"))
    }

    @Test("a DOCTYPE with an external entity (XXE) is refused before parsing")
    func externalEntity() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <sst><si><t>&xxe;</t></si></sst>
            """
        let error = try #require(throws: FormatsError.self) { try events(xml) }
        guard case .xmlForbidden(let file, let part, let line, _) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(file == "libro.xlsx")
        #expect(part == "xl/parte.xml")
        #expect(line == 2)
    }

    @Test("entity expansion (billion laughs) is refused, even after comments in the prolog")
    func billionLaughs() throws {
        var declarations = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) \"\(previous)\">"
        }
        let xml = "<?xml version=\"1.0\"?><!-- x --><!doctype lolz [\(declarations)]><lolz>&lol9;</lolz>"
        #expect(throws: FormatsError.self) { try events(xml) }
    }

    @Test("an entity reference without a DTD is malformed XML, not expanded")
    func undeclaredEntity() throws {
        #expect(throws: FormatsError.self) { try events("<a>&nada;</a>") }
    }

    @Test("nesting deeper than the limit is refused with its line")
    func deepNesting() throws {
        var limits = XMLPullReader.Limits()
        limits.maxDepth = 20
        let xml = String(repeating: "<a>", count: 50) + String(repeating: "</a>", count: 50)
        let error = try #require(throws: FormatsError.self) { try events(xml, limits: limits) }
        guard case .xmlForbidden = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
    }

    @Test("broken XML is reported with its part")
    func malformed() throws {
        let error = try #require(throws: FormatsError.self) { try events("<a><b></a>") }
        guard case .xmlMalformed(_, let part, _, _) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(part == "xl/parte.xml")
        #expect(error.errorDescription?.contains("el XML está mal formado") == true)
    }
}
