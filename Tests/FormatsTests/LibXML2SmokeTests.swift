import CLibXML2
import Foundation
import Testing

struct LibXML2SmokeTests {
    @Test("parses a small XML string with the system libxml2")
    func parsesXML() throws {
        let xml = "<hoja><celda r=\"A1\">NOG</celda></hoja>"
        let document = try #require(
            xml.withCString {
                xmlReadMemory($0, Int32(xml.utf8.count), "smoke.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue))
            })
        defer { xmlFreeDoc(document) }
        let root = try #require(xmlDocGetRootElement(document))
        #expect(String(cString: root.pointee.name) == "hoja")
        let content = try #require(xmlNodeGetContent(root))
        defer { transparencia_xml_free(content) }
        #expect(String(cString: content) == "NOG")
    }

    @Test("parses broken HTML with the HTML parser")
    func parsesHTML() throws {
        let html = "<html><body><p>Modalidad<td>Cotización</body>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = try #require(
            html.withCString { htmlReadMemory($0, Int32(html.utf8.count), "smoke.html", "UTF-8", options) })
        defer { xmlFreeDoc(document) }
        let content = try #require(xmlNodeGetContent(xmlDocGetRootElement(document)))
        defer { transparencia_xml_free(content) }
        #expect(String(cString: content).contains("Cotización"))
    }
}
